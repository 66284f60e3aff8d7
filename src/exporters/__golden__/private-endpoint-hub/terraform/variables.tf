# Variables - plan "Contoso ledger: private endpoint in the hub".

variable "location" {
  type        = string
  description = "Azure region of the servers and the network resources (the plan's region)."
  default     = "westeurope"
}

variable "subscription_id" {
  type        = string
  description = "Subscription ID of the servers and the server VNet (the plan says 00000000-0000-0000-0000-0000000000a1)."
}

variable "server_name" {
  type        = string
  description = "Name of server 1 (globally unique)."
  default     = "pg-contoso-ledger"
}

variable "sku_name" {
  type        = string
  description = "Compute tier and size (high availability needs GP_ or MO_)."
  default     = "GP_Standard_D2ds_v5"
}

variable "storage_mb" {
  type        = number
  description = "Storage size in MiB."
  default     = 32768
}

variable "administrator_login" {
  type        = string
  description = "Administrator login name."
  default     = "pgadmin"
}

variable "administrator_password" {
  type        = string
  description = "Administrator password; set TF_VAR_administrator_password, never commit it."
  sensitive   = true
}
