# Terraform and azurerm 4.x pinning - plan "Contoso orders: hub and spoke".

terraform {
  required_version = ">= 1.7"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.81"
    }
  }
}

provider "azurerm" {
  subscription_id = var.subscription_id

  features {}
}
