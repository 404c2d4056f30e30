package io.farmhub.intake;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.azure.storage.blob.BlobEndpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.springframework.stereotype.Component;

/**
 * Turns a {@code farmhub.routes.*} endpoint URI into the {@link DocumentStore} it names, through Camel itself, so
 * the URI means exactly what it means in a route: {@code file:<folder>} is a folder,
 * {@code azure-storage-blob://<account>/<container>?serviceClient=#blobServiceClient} a blob container (created
 * if missing). Moving the archive, command-errors or reports from a folder to a container is a change of that
 * one property, as the profiles do.
 */
@Component
public class DocumentStores {

    private final CamelContext camel;
    private final Map<String, DocumentStore> resolved = new ConcurrentHashMap<>();

    public DocumentStores(CamelContext camel) {
        this.camel = camel;
    }

    public DocumentStore at(String endpointUri) {
        return resolved.computeIfAbsent(endpointUri, this::resolve);
    }

    private DocumentStore resolve(String endpointUri) {
        Endpoint endpoint = camel.getEndpoint(endpointUri);
        if (endpoint instanceof FileEndpoint file) {
            return new FolderStore(file.getFile().toPath());
        }
        if (endpoint instanceof BlobEndpoint blob) {
            BlobContainerClient container = container(blob);
            container.createIfNotExists();
            return new ContainerStore(container);
        }
        throw new IllegalArgumentException("'" + endpointUri + "' names neither a folder (file:) nor a blob"
                + " container (azure-storage-blob:), the two places FarmHub keeps documents");
    }

    /** The container a blob endpoint names, through the client the endpoint was given. */
    static BlobContainerClient container(BlobEndpoint endpoint) {
        BlobServiceClient client = endpoint.getConfiguration().getServiceClient();
        if (client == null) {
            throw new IllegalArgumentException("the blob endpoint " + endpoint.getEndpointBaseUri()
                    + " needs the storage client: add serviceClient=#blobServiceClient to its URI");
        }
        return client.getBlobContainerClient(endpoint.getConfiguration().getContainerName());
    }
}
