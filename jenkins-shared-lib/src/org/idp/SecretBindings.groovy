package org.idp

/**
 * Which secrets a ./build.sh call gets, as environment variables the build reads: each target receives only the
 * tokens it uses. The values are bound by withCredentials or withVault and never appear in the shell command.
 */
class SecretBindings implements Serializable {
    static final Map<String, List<String>> SECRETS_BY_TARGET = [
        SonarGate  : ['sonar', 'gitlab'],
        DockerBuild: ['registry'],
        Push       : ['registry'],
        Deploy     : ['vaultAppRole', 'dora', 'gitlab'],
        EmitDora   : ['dora'],
    ]
    static final Map<String, List<String>> VARIABLES = [
        registry    : ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'],
        sonar       : ['SONAR_TOKEN'],
        vaultAppRole: ['VAULT_ROLE_ID', 'VAULT_SECRET_ID'],
        dora        : ['DORA_TOKEN'],
        gitlab      : ['GITLAB_TOKEN'],
    ]
    /** GitLab reporting is optional in the build, so a missing GitLab token never fails a run. */
    static final List<String> OPTIONAL = ['gitlab']

    /** Maps for usernamePassword(...) (kind 'usernamePassword') or string(...) (kind 'string'). */
    final List<Map<String, String>> credentialBindings
    /** The vaultSecrets argument of withVault; empty when Vault is not used. */
    final List<Map<String, Object>> vaultSecrets
    final Map<String, Object> vaultConfiguration

    private SecretBindings(List<Map<String, String>> credentialBindings, List<Map<String, Object>> vaultSecrets, Map<String, Object> vaultConfiguration) {
        this.credentialBindings = credentialBindings
        this.vaultSecrets = vaultSecrets
        this.vaultConfiguration = vaultConfiguration
    }

    static List<String> secretsFor(List<String> targets) {
        List<String> secrets = []
        for (String target : targets) {
            for (String secret : (SECRETS_BY_TARGET[target] ?: [])) {
                if (!secrets.contains(secret)) {
                    secrets << secret
                }
            }
        }
        return secrets
    }

    static SecretBindings forTargets(List<String> targets, CredentialIds credentials, VaultSettings vault) {
        List<Map<String, String>> bindings = []
        List<Map<String, Object>> secretValues = []
        for (String secret : secretsFor(targets)) {
            List<String> variables = VARIABLES[secret]
            String credentialsId = credentials.idOf(secret)
            if (credentialsId != null) {
                bindings << (variables.size() == 2
                    ? [kind: 'usernamePassword', credentialsId: credentialsId, usernameVariable: variables[0], passwordVariable: variables[1]]
                    : [kind: 'string', credentialsId: credentialsId, variable: variables[0]])
            } else if (vault != null && CredentialIds.READ_FROM_VAULT.contains(secret)) {
                for (String variable : variables) {
                    secretValues << [envVar: variable, vaultKey: variable.toLowerCase(), isRequired: !OPTIONAL.contains(secret)]
                }
            }
        }
        List<Map<String, Object>> vaultSecrets = secretValues.isEmpty() ? [] : [[path: vault.path, engineVersion: vault.engineVersion, secretValues: secretValues]]
        return new SecretBindings(bindings, vaultSecrets, vault == null ? null : vault.pluginConfiguration())
    }

    List<String> variableNames() {
        List<String> names = []
        for (Map<String, String> binding : credentialBindings) {
            names.addAll(binding.kind == 'usernamePassword' ? [binding.usernameVariable, binding.passwordVariable] : [binding.variable])
        }
        for (Map<String, Object> path : vaultSecrets) {
            for (Map<String, Object> value : (List<Map<String, Object>>) path.secretValues) {
                names << value.envVar.toString()
            }
        }
        return names
    }
}
