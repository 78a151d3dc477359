package org.idp

/** The validated options of idpBuild. */
class BuildStepSettings implements Serializable {
    static final List<String> NAMES = ['parameters', 'directory', 'credentials', 'vault']

    Map<String, Object> parameters
    String directory
    CredentialIds credentials
    VaultSettings vault

    static BuildStepSettings from(Map options) {
        List<String> problems = []
        SettingReader reader = SettingReader.of('', options, problems, "[parameters: [environment: 'dev']]")
        reader.rejectUnknown(NAMES)
        BuildStepSettings settings = new BuildStepSettings()
        Object parameters = reader.raw('parameters')
        if (parameters != null && !(parameters instanceof Map)) {
            problems << "'parameters' must be a map of build parameters such as [environment: 'dev'], but was ${SettingReader.describe(parameters)}.".toString()
            parameters = [:]
        }
        settings.parameters = parameters == null ? [:] : (Map<String, Object>) parameters
        settings.directory = reader.string('directory', '.', false, Patterns.RELATIVE_DIRECTORY, Patterns.DIRECTORY_HINT)
        settings.vault = VaultSettings.read(reader.raw('vault'), problems)
        settings.credentials = CredentialIds.read(reader.raw('credentials'), settings.vault != null, problems)
        IdpConfigException.throwIfAny('idpBuild', problems)
        return settings
    }
}
