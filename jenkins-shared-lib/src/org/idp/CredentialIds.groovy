package org.idp

/**
 * The Jenkins credentials each secret comes from. When Vault provides the CI tokens (the 'vault' setting), only
 * the AppRole the build itself logs in with remains a Jenkins credential.
 */
class CredentialIds implements Serializable {
    static final List<String> NAMES = ['registry', 'sonar', 'vaultAppRole', 'dora', 'gitlab']
    static final List<String> READ_FROM_VAULT = ['registry', 'sonar', 'dora', 'gitlab']
    static final Map<String, String> DEFAULTS = [registry: 'idp-registry', sonar: 'idp-sonar', vaultAppRole: 'idp-vault-approle', dora: 'idp-dora', gitlab: null]

    final Map<String, String> ids

    private CredentialIds(Map<String, String> ids) {
        this.ids = ids
    }

    static CredentialIds read(Object config, boolean tokensFromVault, List<String> problems) {
        SettingReader reader = SettingReader.of('credentials.', config, problems, "[sonar: 'team-sonar-token']")
        reader.rejectUnknown(NAMES)
        Map<String, String> ids = [:]
        for (String name : NAMES) {
            boolean fromVault = tokensFromVault && READ_FROM_VAULT.contains(name)
            if (fromVault && reader.has(name)) {
                problems << ("'credentials.${name}' cannot be used together with 'vault': that token is read from the Vault " +
                    "path in 'vault.path'. Remove 'credentials.${name}' or remove 'vault'.").toString()
            }
            String id = reader.string(name, fromVault ? null : DEFAULTS[name], false, Patterns.CREDENTIALS_ID, Patterns.CREDENTIALS_ID_HINT)
            if (id != null) {
                ids[name] = id
            }
        }
        return new CredentialIds(ids)
    }

    String idOf(String name) {
        return ids[name]
    }

    /** The explicit form, passed from idpPipeline to idpBuild so both read the same settings. */
    Map<String, String> asMap() {
        return new LinkedHashMap<String, String>(ids)
    }
}
