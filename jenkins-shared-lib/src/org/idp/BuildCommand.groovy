package org.idp

/**
 * The one shell command a step runs: ./build.sh with targets and parameters. Every word is checked against a
 * character set the shell gives no meaning to, so nothing in it can be interpreted; anything else (and every
 * secret) reaches the build as an environment variable instead.
 */
class BuildCommand implements Serializable {
    static final String TARGET = /[A-Z][A-Za-z0-9]*/
    static final String PARAMETER = /[a-z][a-z0-9]*(-[a-z0-9]+)*/
    static final String VALUE = /[A-Za-z0-9._:\/@+=,-]+/

    final List<String> targets
    final String script

    private BuildCommand(List<String> targets, String script) {
        this.targets = targets
        this.script = script
    }

    static BuildCommand of(String targets, Map<String, Object> parameters) {
        List<String> problems = []
        List<String> targetNames = []
        for (String target : (targets ?: '').trim().split(/\s+/)) {
            if (!(target ==~ TARGET)) {
                problems << ("'${target}' is not a target name: targets are PascalCase words such as Test, SonarGate, DockerBuild, " +
                    "Push, Deploy, EmitDora (./build.sh --help lists them).").toString()
            } else {
                targetNames << target
            }
        }
        List<String> words = ['./build.sh']
        words.addAll(targetNames)
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            String name = String.valueOf(parameter.key)
            String value = String.valueOf(parameter.value)
            if (!(name ==~ PARAMETER)) {
                problems << "parameter '${name}' must be written as on the command line without '--', in kebab-case, such as 'environment' or 'sonar-url'.".toString()
            } else if (!(value ==~ VALUE)) {
                problems << ("parameter '${name}' has a value with characters the shell could interpret (${SettingReader.describe(parameter.value)}); " +
                    "set it with withEnv as the parameter's UPPER_SNAKE environment variable instead.").toString()
            } else {
                words << "--${name}".toString() << value
            }
        }
        IdpConfigException.throwIfAny('idpBuild', problems)
        return new BuildCommand(targetNames, words.join(' '))
    }
}
