#!/usr/bin/env bash
# Deploys FarmHub's Azure resources (main.bicep) into a resource group with the Azure CLI.
# Usage: ./deploy.sh <resource-group> [location] [webhook-base-url]
set -euo pipefail
rg=${1:?usage: deploy.sh <resource-group> [location] [webhook-base-url]}
location=${2:-westeurope}
webhook=${3:-}
cd "$(dirname "$0")"
az group create --name "$rg" --location "$location" --output none
az deployment group create --resource-group "$rg" --template-file main.bicep \
  --parameters location="$location" webhookBaseUrl="$webhook" \
  --query properties.outputs --output json
