// Azure Bot registration for LeadBridge with the Microsoft Teams channel.
// Multi-tenant bot creation is deprecated by Azure Bot Service (new bots: SingleTenant or UserAssignedMSI),
// see OfficeDev/microsoft-365-agents-toolkit#14385 and MicrosoftDocs/msteams-docs#13354.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName
param botServiceSku string = 'F0'
param botAppDomain string

@allowed([
  'SingleTenant'
  'UserAssignedMsi'
])
param botType string

@description('Entra app client id (SingleTenant) or the managed identity\'s client id (UserAssignedMsi)')
param botAppId string
param botTenantId string

@description('Resource id of the user-assigned identity; used only with UserAssignedMsi')
param identityResourceId string

var isMsi = botType == 'UserAssignedMsi'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    // The Azure API spells it UserAssignedMSI; the runtime's BOT_TYPE says UserAssignedMsi.
    msaAppType: isMsi ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppMSIResourceId: isMsi ? identityResourceId : null
  }
  sku: {
    name: botServiceSku
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
