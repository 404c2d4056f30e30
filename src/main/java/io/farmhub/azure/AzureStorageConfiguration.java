package io.farmhub.azure;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The one Azure Storage client of the azure profile (interfaces.md, "Runtime profiles"): from
 * {@code farmhub.azure.storage.connection-string} when it is set (Azurite, or a key-based deployment), otherwise
 * with {@code DefaultAzureCredential} (managed identity) against {@code farmhub.azure.storage.account}. Every
 * request it sends is counted by the {@link StorageRequestCounter} bean.
 */
@Configuration(proxyBeanMethods = false)
@Profile("azure")
public class AzureStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AzureStorageConfiguration.class);

    @Bean
    public StorageRequestCounter storageRequestCounter() {
        return new StorageRequestCounter();
    }

    @Bean
    public BlobServiceClient blobServiceClient(
            @Value("${farmhub.azure.storage.connection-string:}") String connectionString,
            @Value("${farmhub.azure.storage.account:}") String account,
            StorageRequestCounter counter) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().addPolicy(counter);
        if (!connectionString.isBlank()) {
            BlobServiceClient client = builder.connectionString(connectionString).buildClient();
            log.info("Azure Storage: {} (connection string)", client.getAccountUrl());
            return client;
        }
        if (account.isBlank()) {
            throw new IllegalStateException("The azure profile needs a storage account: set "
                    + "farmhub.azure.storage.connection-string (AZURE_STORAGE_CONNECTION_STRING), or "
                    + "farmhub.azure.storage.account (AZURE_STORAGE_ACCOUNT) to sign in with DefaultAzureCredential.");
        }
        String endpoint = "https://" + account + ".blob.core.windows.net";
        log.info("Azure Storage: {} (DefaultAzureCredential)", endpoint);
        return builder.endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build()).buildClient();
    }
}
