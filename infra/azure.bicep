// LeadBridge in Azure: App Service (Linux, Node 20 LTS) + Azure Bot with the Teams channel.
// Deployed by the `arm/deploy` step of teamsapp.yml with infra/azure.parameters.json, whose ${{VAR}}
// placeholders the Agents Toolkit fills from env/.env.<env> and env/.env.<env>.user.
// Shape follows the toolkit's bot templates (OfficeDev/microsoft-365-agents-toolkit,
// templates/vsc/configs/atk-basic/infra/azure.bicep.tpl.mu and templates/vsc/ts/default-bot/infra/azure.bicep).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('App Service plan SKU; B1 or larger (alwaysOn is not available on F1)')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@description('How the bot authenticates: SingleTenant (Entra app + secret) or UserAssignedMsi (the managed identity below)')
@allowed([
  'SingleTenant'
  'UserAssignedMsi'
])
param botType string = 'SingleTenant'

@description('SingleTenant: client id of the Entra app created by aadApp/create')
param botAadAppClientId string = ''

@secure()
@description('SingleTenant: client secret of that Entra app')
param botAadAppClientSecret string = ''

@description('SingleTenant: tenant of that Entra app (the Microsoft 365 tenant); empty = the tenant of this deployment')
param botAadAppTenantId string = ''

@secure()
@description('postgres://… for PostgreSQL (required for more than one instance); empty = SQLite on the App Service\'s persistent /home share')
param databaseUrl string = ''

@secure()
param hubspotAccessToken string

@secure()
param hubspotClientSecret string

@description('36One (C4C) OData base URL; empty = no 36One handover')
param c4cBaseUrl string = ''

param c4cUsername string = ''

@secure()
param c4cPassword string = ''

@secure()
@description('Bearer token for GET /metrics (16+ characters); empty = /metrics is not served')
param metricsToken string = ''

param leadInboxChannelId string = ''
param adminEmails string = ''

@allowed([
  'de'
  'en'
])
param defaultLocale string = 'de'

@description('Further app settings (name: value), e.g. DIGEST_CRON or ROSTER_FILE; they win over the ones set here')
param extraAppSettings object = {}

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param location string = resourceGroup().location

var isMsi = botType == 'UserAssignedMsi'

// The web app always runs with this identity; with UserAssignedMsi it is also the bot's identity.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

// Linux plan: `reserved: true` marks an App Service plan as Linux (Microsoft.Web/serverfarms reference).
resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // `npm start` bundles src/ and runs dist/index.js with the flags package.json names.
      appCommandLine: 'npm start'
      alwaysOn: true // the outbox worker, SLA timers and the digest schedule run in the process
      ftpsState: 'FtpsOnly'
      minTlsVersion: '1.2'
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

var appDomain = webApp.properties.defaultHostName
var botAppId = isMsi ? identity.properties.clientId : botAadAppClientId
var botTenantId = isMsi ? identity.properties.tenantId : (empty(botAadAppTenantId) ? tenant().tenantId : botAadAppTenantId)

// The whole set of app settings (this resource replaces them on every provision; add more with extraAppSettings).
resource appSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union({
    // The zip carries no node_modules: App Service's build (Oryx) runs `npm install` on Linux, so
    // native modules (better-sqlite3) match the host.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    NODE_ENV: 'production'
    DATABASE_URL: empty(databaseUrl) ? 'sqlite:/home/data/leadbridge.db' : databaseUrl
    // HubSpot webhook target; behind a custom domain set PUBLIC_BASE_URL in extraAppSettings.
    PUBLIC_BASE_URL: 'https://${appDomain}'
    BOT_ID: botAppId
    BOT_TENANT_ID: botTenantId
    BOT_TYPE: botType
    HUBSPOT_ACCESS_TOKEN: hubspotAccessToken
    HUBSPOT_CLIENT_SECRET: hubspotClientSecret
    C4C_BASE_URL: c4cBaseUrl
    C4C_USERNAME: c4cUsername
    C4C_PASSWORD: c4cPassword
    METRICS_TOKEN: metricsToken
    LEAD_INBOX_CHANNEL_ID: leadInboxChannelId
    ADMIN_EMAILS: adminEmails
    DEFAULT_LOCALE: defaultLocale
  }, isMsi ? {} : {
    BOT_PASSWORD: botAadAppClientSecret
  }, extraAppSettings)
}

// Registers the web app as a bot with the Bot Framework and enables the Teams channel.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    botAppDomain: appDomain
    botType: botType
    botAppId: botAppId
    botTenantId: botTenantId
    identityResourceId: identity.id
  }
}

// Outputs are written to env/.env.<env> under these names (https://aka.ms/teamsfx-actions/arm-deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = appDomain
output BOT_ENDPOINT string = 'https://${appDomain}'
output BOT_ID string = botAppId
output BOT_TENANT_ID string = botTenantId
