# Terraform and azurerm 5.x pinning - plan "Contoso ledger: private endpoint in the hub".

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
