# Terraform and azurerm 5.x pinning - plan "Fabrikam payments: hub and spoke through Azure Firewall".
# Note: The existing subnet snet-app of vnet-payments-app is associated with the route table rt-payments-app in place; everything else it has stays as it is.
# Note: The existing subnet GatewaySubnet of vnet-hub is associated with the route table rt-hub-gateway in place; everything else it has stays as it is.

terraform {
  required_version = ">= 1.7"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 5.2"
    }
  }
}

provider "azurerm" {
  subscription_id                = var.subscription_id
  resource_providers_to_register = ["Microsoft.DBforPostgreSQL", "Microsoft.Network"]

  features {}
}
