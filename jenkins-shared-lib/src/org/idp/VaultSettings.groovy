package org.idp

/** Where withVault reads the CI tokens (registry, Sonar, DORA, GitLab) when a team keeps them in Vault. */
class VaultSettings implements Serializable {
    static final List<String> NAMES = ['url', 'credentialsId', 'path', 'engineVersion']

    final String url
    final String credentialsId
    final String path
    final int engineVersion

    private VaultSettings(String url, String credentialsId, String path, int engineVersion) {
        this.url = url
        this.credentialsId = credentialsId
        this.path = path
        this.engineVersion = engineVersion
    }

    /** Returns null when the setting is absent: then every token is a Jenkins credential. */
    static VaultSettings read(Object config, List<String> problems) {
        if (config == null) {
            return null
        }
        SettingReader reader = SettingReader.of('vault.', config, problems, "[url: 'https://vault.example.internal', credentialsId: 'vault-approle-ci', path: 'kv/ci/payments-api']")
        reader.rejectUnknown(NAMES)
        String url = reader.string('url', null, true, /https?:\/\/[^\s'"]+/, "the Vault address, such as 'https://vault.example.internal'")
        String credentialsId = reader.string('credentialsId', null, true, Patterns.CREDENTIALS_ID,
            "the ID of the Vault AppRole credential the Jenkins Vault plugin logs in with, such as 'vault-approle-ci'")
        String path = reader.string('path', null, true, /[A-Za-z0-9_-]+(\/[A-Za-z0-9._-]+)+/, "the KV path holding the CI tokens, such as 'kv/ci/payments-api'")
        int engineVersion = reader.integer('engineVersion', 2, 1, 2, 'the KV secrets engine version')
        return new VaultSettings(url, credentialsId, path, engineVersion)
    }

    Map<String, Object> asMap() {
        return [url: url, credentialsId: credentialsId, path: path, engineVersion: engineVersion]
    }

    Map<String, Object> pluginConfiguration() {
        return [vaultUrl: url, vaultCredentialId: credentialsId, engineVersion: engineVersion]
    }
}
