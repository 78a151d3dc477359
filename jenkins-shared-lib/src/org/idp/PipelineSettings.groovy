package org.idp

/** The validated settings of idpPipeline, with the defaults a two-line Jenkinsfile relies on. */
class PipelineSettings implements Serializable {
    static final List<String> NAMES = ['service', 'environments', 'productionEnvironment', 'branches', 'approvers',
        'approvalTimeoutMinutes', 'timeoutMinutes', 'podTemplate', 'container', 'directory', 'credentials', 'vault']
    static final List<String> DEFAULT_ENVIRONMENTS = ['dev', 'test', 'prod']

    String service
    List<String> environments
    String productionEnvironment
    Map<String, List<String>> branches
    String approvers
    int approvalTimeoutMinutes
    int timeoutMinutes
    String podTemplate
    String container
    String directory
    CredentialIds credentials
    VaultSettings vault

    static PipelineSettings from(Map config) {
        List<String> problems = []
        SettingReader reader = SettingReader.of('', config, problems, "[service: 'payments-api']")
        reader.rejectUnknown(NAMES)
        PipelineSettings settings = new PipelineSettings()
        settings.service = reader.string('service', null, true, Patterns.DNS_LABEL, Patterns.SERVICE_HINT)
        settings.environments = reader.stringList('environments', DEFAULT_ENVIRONMENTS, Patterns.DNS_LABEL, Patterns.ENVIRONMENT_HINT)
        settings.productionEnvironment = readProductionEnvironment(reader, settings.environments, problems)
        settings.branches = readBranches(reader, settings.environments, problems)
        settings.approvers = reader.string('approvers', 'idp-production-approvers', false, /[^\s,]+(\s*,\s*[^\s,]+)*/,
            "a comma-separated list of Jenkins users or groups allowed to approve production, such as 'payments-leads,alice'")
        settings.approvalTimeoutMinutes = reader.integer('approvalTimeoutMinutes', 60 * 24, 1, 60 * 24 * 7, 'how long a production deploy waits for approval')
        settings.timeoutMinutes = reader.integer('timeoutMinutes', 60 * 24 + 120, 5, 60 * 24 * 8, 'the limit for the whole build, approval wait included')
        settings.podTemplate = reader.string('podTemplate', 'org/idp/pod-dotnet.yaml', false, Patterns.RESOURCE_PATH,
            "a YAML pod template in the library's resources/ folder, such as 'org/idp/pod-dotnet.yaml'")
        settings.container = reader.string('container', 'dotnet', false, Patterns.DNS_LABEL, 'the name of the build container in the pod template')
        settings.directory = reader.string('directory', '.', false, Patterns.RELATIVE_DIRECTORY, Patterns.DIRECTORY_HINT)
        settings.vault = VaultSettings.read(reader.raw('vault'), problems)
        settings.credentials = CredentialIds.read(reader.raw('credentials'), settings.vault != null, problems)
        IdpConfigException.throwIfAny('idpPipeline', problems)
        return settings
    }

    private static String readProductionEnvironment(SettingReader reader, List<String> environments, List<String> problems) {
        // The default 'prod' only applies when the team deploys to an environment of that name.
        String production = reader.string('productionEnvironment', 'prod', false, Patterns.DNS_LABEL, 'one of the environment names')
        if (reader.has('productionEnvironment') && !environments.contains(production)) {
            problems << "'productionEnvironment' is '${production}', which is not in 'environments' (${environments.join(', ')}).".toString()
        }
        return production
    }

    private static Map<String, List<String>> readBranches(SettingReader reader, List<String> environments, List<String> problems) {
        if (!reader.has('branches')) {
            return [main: environments]
        }
        Object value = reader.raw('branches')
        String example = "['main': ['dev', 'test', 'prod'], 'release/*': ['prod']]"
        if (!(value instanceof Map) || ((Map) value).isEmpty()) {
            problems << "'branches' must map branch names or patterns to the environments they deploy to, such as ${example}, but was ${SettingReader.describe(value)}.".toString()
            return [:]
        }
        Map<String, List<String>> branches = new LinkedHashMap<String, List<String>>()
        for (Object entry : ((Map) value).entrySet()) {
            String pattern = String.valueOf(((Map.Entry) entry).key)
            Object targets = ((Map.Entry) entry).value
            List<String> deployTo = []
            if (!(targets instanceof List)) {
                problems << "'branches.${pattern}' must be a list of environments (empty to deploy nothing), such as ['dev'], but was ${SettingReader.describe(targets)}.".toString()
            } else {
                for (Object environment : (List) targets) {
                    if (!environments.contains(String.valueOf(environment))) {
                        problems << "'branches.${pattern}' names the environment '${environment}', which is not in 'environments' (${environments.join(', ')}).".toString()
                    } else {
                        deployTo << String.valueOf(environment)
                    }
                }
            }
            branches[pattern] = deployTo
        }
        return branches
    }

    /** The idpBuild options every build call of this pipeline uses, with extra build parameters. */
    Map<String, Object> buildOptions(Map<String, Object> parameters = [:]) {
        Map<String, Object> options = [directory: directory, credentials: credentials.asMap(), parameters: parameters]
        if (vault != null) {
            options.vault = vault.asMap()
        }
        return options
    }
}
