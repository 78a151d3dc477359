import org.idp.BuildCommand
import org.idp.BuildStepSettings
import org.idp.IdpConfigException
import org.idp.SecretBindings

// One ./build.sh call with the secrets its targets use bound as environment variables (see idpBuild.txt).
def call(String targets, Map options = [:]) {
    BuildStepSettings settings
    BuildCommand command
    try {
        settings = BuildStepSettings.from(options)
        command = BuildCommand.of(targets, settings.parameters)
    } catch (IdpConfigException e) {
        error(e.message)
    }
    SecretBindings secrets = SecretBindings.forTargets(command.targets, settings.credentials, settings.vault)
    dir(settings.directory) {
        withSecrets(secrets) {
            // command.script is a plain String of checked words: secrets are read by the build from its environment.
            sh(script: command.script, label: command.script)
        }
    }
}

def withSecrets(SecretBindings secrets, Closure body) {
    if (secrets.vaultSecrets.isEmpty()) {
        withJenkinsCredentials(secrets, body)
    } else {
        withVault(configuration: secrets.vaultConfiguration, vaultSecrets: secrets.vaultSecrets) {
            withJenkinsCredentials(secrets, body)
        }
    }
}

def withJenkinsCredentials(SecretBindings secrets, Closure body) {
    List bindings = []
    for (Map binding : secrets.credentialBindings) {
        if (binding.kind == 'usernamePassword') {
            bindings << usernamePassword(credentialsId: binding.credentialsId, usernameVariable: binding.usernameVariable, passwordVariable: binding.passwordVariable)
        } else {
            bindings << string(credentialsId: binding.credentialsId, variable: binding.variable)
        }
    }
    withCredentials(bindings) {
        body()
    }
}
