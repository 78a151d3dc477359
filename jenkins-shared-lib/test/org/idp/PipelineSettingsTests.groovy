package org.idp

import org.idp.harness.Expect
import org.junit.Test

/** The defaults a two-line Jenkinsfile relies on, and what idpPipeline hands to idpBuild. */
class PipelineSettingsTests {
    @Test
    void 'service alone gets the golden-path defaults'() {
        PipelineSettings settings = PipelineSettings.from([service: 'payments-api'])

        Expect.equal('environments', ['dev', 'test', 'prod'], settings.environments)
        Expect.equal('productionEnvironment', 'prod', settings.productionEnvironment)
        Expect.equal('branches', [main: ['dev', 'test', 'prod']], settings.branches)
        Expect.equal('approvers', 'idp-production-approvers', settings.approvers)
        Expect.equal('credentials', [registry: 'idp-registry', sonar: 'idp-sonar', vaultAppRole: 'idp-vault-approle', dora: 'idp-dora'], settings.credentials.asMap())
        Expect.equal('vault', null, settings.vault)
    }

    @Test
    void 'build options given to idpBuild pass its own validation unchanged'() {
        Map vault = [url: 'https://vault.example.internal', credentialsId: 'vault-approle-ci', path: 'kv/ci/payments-api']
        PipelineSettings settings = PipelineSettings.from([service: 'payments-api', vault: vault, directory: 'services/payments'])

        BuildStepSettings forBuild = BuildStepSettings.from(settings.buildOptions([environment: 'dev']))
        Expect.equal('directory', 'services/payments', forBuild.directory)
        Expect.equal('credentials', [vaultAppRole: 'idp-vault-approle'], forBuild.credentials.asMap())
        Expect.equal('vault path', 'kv/ci/payments-api', forBuild.vault.path)
        Expect.equal('parameters', [environment: 'dev'], forBuild.parameters)
    }

    @Test
    void 'directory leaving the repository is rejected'() {
        for (String directory : ['../other-repo', '/etc', 'services/../../x']) {
            IdpConfigException e = (IdpConfigException) Expect.throwsWith(IdpConfigException) { PipelineSettings.from([service: 'payments-api', directory: directory]) }
            Expect.contains("message for directory ${directory}", e.message, ["'directory' must be a directory inside the repository"])
        }
    }

    @Test
    void 'settings and plans survive Java serialisation as Jenkins needs to resume a build'() {
        PipelineSettings settings = PipelineSettings.from([service: 'payments-api', vault: [url: 'https://vault.example.internal', credentialsId: 'c', path: 'kv/ci/p']])
        List<Object> kept = [settings, DeployPlan.forBranch(settings, 'main', null), BuildCommand.of('Deploy', [environment: 'dev']),
                             SecretBindings.forTargets(['Deploy'], settings.credentials, settings.vault)]
        for (Object value : kept) {
            new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(value)
        }
    }
}
