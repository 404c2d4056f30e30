package io.farmhub.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the azure profile finds its storage account, without starting the hub. */
class AzureStorageConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AzureStorageConfiguration.class)
            .withPropertyValues("spring.profiles.active=azure");

    @Test
    void without_a_connection_string_the_account_is_reached_with_default_azure_credential() {
        context.withPropertyValues("farmhub.azure.storage.connection-string=", "farmhub.azure.storage.account=farmhubprod")
                .run(ctx -> assertThat(ctx.getBean(BlobServiceClient.class).getAccountUrl())
                        .isEqualTo("https://farmhubprod.blob.core.windows.net"));
    }

    @Test
    void a_connection_string_wins_over_the_account() {
        context.withPropertyValues("farmhub.azure.storage.connection-string=" + Azurite.get().connectionString(),
                        "farmhub.azure.storage.account=farmhubprod")
                .run(ctx -> assertThat(ctx.getBean(BlobServiceClient.class).getAccountUrl())
                        .isEqualTo(Azurite.get().blobEndpoint()));
    }

    @Test
    void neither_is_a_start_failure_that_says_what_to_set() {
        context.run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("farmhub.azure.storage.connection-string")
                .hasMessageContaining("farmhub.azure.storage.account"));
    }
}
