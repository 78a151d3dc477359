package org.idp.steps

import org.idp.harness.BuildRun
import org.idp.harness.Expect
import org.idp.harness.PipelineHarness
import org.idp.harness.RecordedCall
import org.junit.Test

/** Secrets reach the build as environment variables, only where a target uses them, and never in a script. */
class IdpPipelineSecretTests {
    static final Map SERVICE = [service: 'payments-api']
    static final Map VAULT = [url: 'https://vault.example.internal', credentialsId: 'vault-approle-ci', path: 'kv/ci/payments-api']

    @Test
    void 'no secret value appears in any script or log line of a full deploy'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE + [credentials: [gitlab: 'gitlab-reporter']])

        Expect.result(run, 'SUCCESS')
        Expect.noSecretInShellScriptsOrLog(run)
    }

    @Test
    void 'each build call sees only the secrets its targets use'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE)

        RecordedCall test = Expect.shellCall(run, './build.sh Test SonarGate')
        Expect.environmentHas(run, test, ['SONAR_TOKEN'])
        Expect.environmentLacks(run, test, ['REGISTRY_PASSWORD', 'VAULT_SECRET_ID', 'DORA_TOKEN'])

        RecordedCall image = Expect.shellCall(run, './build.sh DockerBuild Push')
        Expect.environmentHas(run, image, ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'])
        Expect.environmentLacks(run, image, ['SONAR_TOKEN', 'VAULT_SECRET_ID'])

        RecordedCall deploy = Expect.shellCall(run, './build.sh Deploy --environment prod')
        Expect.environmentHas(run, deploy, ['VAULT_ROLE_ID', 'VAULT_SECRET_ID', 'DORA_TOKEN'])
        Expect.environmentLacks(run, deploy, ['SONAR_TOKEN', 'REGISTRY_PASSWORD', 'GITLAB_TOKEN'])
    }

    @Test
    void 'default credential IDs are bound with withCredentials'() {
        BuildRun run = new PipelineHarness().onBranch('feature/x').run('idpPipeline', SERVICE)

        Expect.equal('credential bindings per build call', [
            ['string(idp-sonar -> SONAR_TOKEN)'],
            ['usernamePassword(idp-registry -> REGISTRY_USERNAME, REGISTRY_PASSWORD)'],
        ], run.callsOf('withCredentials')*.arguments)
        Expect.inside(run, Expect.shellCall(run, './build.sh Test SonarGate'), 'withCredentials[SONAR_TOKEN]')
    }

    @Test
    void 'team credential IDs replace the defaults and the optional GitLab token is bound when given'() {
        Map credentials = [registry: 'payments-nexus', sonar: 'payments-sonar', vaultAppRole: 'payments-approle', dora: 'payments-dora', gitlab: 'payments-gitlab']
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE + [credentials: credentials])

        List<List<String>> bindings = run.callsOf('withCredentials')*.arguments
        Expect.equal('bindings of the Test call', ['string(payments-sonar -> SONAR_TOKEN)', 'string(payments-gitlab -> GITLAB_TOKEN)'], bindings[0])
        Expect.equal('bindings of the dev Deploy call', ['usernamePassword(payments-approle -> VAULT_ROLE_ID, VAULT_SECRET_ID)',
                                                          'string(payments-dora -> DORA_TOKEN)', 'string(payments-gitlab -> GITLAB_TOKEN)'], bindings[2])
    }

    @Test
    void 'with vault set the CI tokens come from withVault and only the AppRole from Jenkins credentials'() {
        BuildRun run = new PipelineHarness().onBranch('main').approvedBy('alice').run('idpPipeline', SERVICE + [vault: VAULT])

        Expect.result(run, 'SUCCESS')
        RecordedCall image = Expect.shellCall(run, './build.sh DockerBuild Push')
        Expect.inside(run, image, 'withVault[REGISTRY_USERNAME, REGISTRY_PASSWORD]')
        Expect.notInside(run, image, 'withCredentials[REGISTRY')
        Map vault = (Map) run.callsOf('withVault')[0].arguments
        Expect.equal('withVault configuration', [vaultUrl: 'https://vault.example.internal', vaultCredentialId: 'vault-approle-ci', engineVersion: 2], vault.configuration)
        Expect.equal('secrets read for the Test call', [[path: 'kv/ci/payments-api', engineVersion: 2, secretValues: [
            [envVar: 'SONAR_TOKEN', vaultKey: 'sonar_token', isRequired: true],
            [envVar: 'GITLAB_TOKEN', vaultKey: 'gitlab_token', isRequired: false]]]], vault.vaultSecrets)
        RecordedCall deploy = Expect.shellCall(run, './build.sh Deploy --environment prod')
        Expect.inside(run, deploy, 'withCredentials[VAULT_ROLE_ID, VAULT_SECRET_ID]')
        Expect.environmentHas(run, deploy, ['DORA_TOKEN'])
        Expect.noSecretInShellScriptsOrLog(run)
    }
}
