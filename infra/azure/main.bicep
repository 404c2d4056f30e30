// FarmHub on Azure: the storage account (event streams, inbox, archive, errors, snapshots, reports, sensor
// checkpoints), the three Event Grid custom topics and the Event Hub the sensors stream into.
// Deploy with ./deploy.sh <resource-group> [location]. Nothing here holds a secret.

@description('Prefix for every resource name (lower case, letters and digits).')
param prefix string = 'farmhub'

param location string = resourceGroup().location

@description('Where Event Grid pushes notifications back into the hub, e.g. https://farmhub.example.org/api/eventgrid. Leave empty to create topics without subscriptions.')
param webhookBaseUrl string = ''

@secure()
@description('Shared secret the hub expects on Event Grid webhook calls.')
param webhookSecret string = ''

var storageName = take('${prefix}${uniqueString(resourceGroup().id)}', 24)
var containers = [
  'eventstreams'
  'inbox'
  'inbox-archive'
  'command-errors'
  'projection-snapshots'
  'reports'
  'sensor-checkpoints'
]
var topics = [
  'farm-events'
  'farm-projections'
  'farm-commands'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for c in containers: {
  parent: blobService
  name: c
}]

resource eventGridTopics 'Microsoft.EventGrid/topics@2024-06-01-preview' = [for t in topics: {
  name: '${prefix}-${t}'
  location: location
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
  }
}]

resource subscriptions 'Microsoft.EventGrid/topics/eventSubscriptions@2024-06-01-preview' = [for (t, i) in topics: if (!empty(webhookBaseUrl)) {
  parent: eventGridTopics[i]
  name: 'hub'
  properties: {
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: '${webhookBaseUrl}/${t}?code=${webhookSecret}'
        maxEventsPerBatch: 100
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}]

resource eventHubs 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard', tier: 'Standard', capacity: 1 }
}

resource sensorHub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: eventHubs
  name: 'sensor-readings'
  properties: {
    partitionCount: 4
    messageRetentionInDays: 1
  }
}

output storageAccount string = storage.name
output topicEndpoints array = [for (t, i) in topics: eventGridTopics[i].properties.endpoint]
output eventHubsNamespace string = eventHubs.name
