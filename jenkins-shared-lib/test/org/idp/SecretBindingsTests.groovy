package org.idp

import org.idp.harness.Expect
import org.junit.Test

/** Which secrets each golden-path target receives. */
class SecretBindingsTests {
    static final CredentialIds DEFAULTS = CredentialIds.read(null, false, [])

    @Test
    void 'each golden-path target gets exactly the variables the build reads for it'() {
        Map<String, List<String>> expected = [
            Test       : [],
            SonarGate  : ['SONAR_TOKEN'],
            DockerBuild: ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'],
            Push       : ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'],
            Deploy     : ['VAULT_ROLE_ID', 'VAULT_SECRET_ID', 'DORA_TOKEN'],
            EmitDora   : ['DORA_TOKEN'],
        ]
        for (Map.Entry<String, List<String>> target : expected.entrySet()) {
            Expect.equal("variables for ${target.key}", target.value, SecretBindings.forTargets([target.key], DEFAULTS, null).variableNames())
        }
    }

    @Test
    void 'several targets share one binding per secret'() {
        SecretBindings bindings = SecretBindings.forTargets(['DockerBuild', 'Push', 'Deploy'], DEFAULTS, null)

        Expect.equal('variables', ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD', 'VAULT_ROLE_ID', 'VAULT_SECRET_ID', 'DORA_TOKEN'], bindings.variableNames())
    }

    @Test
    void 'GitLab token is bound only when a credential is configured'() {
        CredentialIds withGitLab = CredentialIds.read([gitlab: 'gitlab-reporter'], false, [])

        Expect.equal('variables', ['SONAR_TOKEN', 'GITLAB_TOKEN'], SecretBindings.forTargets(['SonarGate'], withGitLab, null).variableNames())
    }
}
