package org.idp

/** What the steps accept as names, with the wording used in error messages. */
class Patterns {
    static final String DNS_LABEL = /[a-z]([a-z0-9-]{0,61}[a-z0-9])?/
    static final String SERVICE_HINT = "the service name from idp.yaml, a lowercase DNS label such as 'payments-api'"
    static final String ENVIRONMENT_HINT = "environment names (lowercase DNS labels such as 'dev', 'test', 'prod')"

    static final String CREDENTIALS_ID = /[A-Za-z0-9][A-Za-z0-9._-]*/
    static final String CREDENTIALS_ID_HINT = "a Jenkins credentials ID such as 'idp-registry' (letters, digits, '.', '_', '-')"

    // No '..' segment and no leading '/': the service must live inside the checked-out repository.
    static final String RELATIVE_DIRECTORY = /(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._\/-]+/
    static final String DIRECTORY_HINT = "a directory inside the repository, relative to its root, such as '.' or 'services/payments'"

    static final String RESOURCE_PATH = /[A-Za-z0-9._\/-]+\.ya?ml/
}
