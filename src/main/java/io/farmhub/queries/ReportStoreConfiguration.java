package io.farmhub.queries;

import com.azure.storage.blob.BlobServiceClient;
import io.farmhub.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The reports location per profile: a folder below the data folder, or a blob container. */
@Configuration(proxyBeanMethods = false)
public class ReportStoreConfiguration {

    @Bean
    @Profile("!azure")
    ReportStore folderReportStore(DataDirectory data) {
        return new FolderReportStore(data.folder("reports"));
    }

    @Bean
    @Profile("azure")
    ReportStore blobReportStore(BlobServiceClient blobs,
            @Value("${farmhub.queries.reports-container:reports}") String container) {
        return new BlobReportStore(blobs.getBlobContainerClient(container));
    }
}
