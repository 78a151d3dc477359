package org.idp

/** Reads who approved a production deploy from the answer of the input step. */
class Approval {
    static final String SUBMITTER_PARAMETER = 'IDP_APPROVER'

    /** input returns the bare submitter when it is the only value, and a map when the form has other parameters. */
    static String submitterOf(Object answer) {
        Object submitter = answer instanceof Map ? ((Map) answer)[SUBMITTER_PARAMETER] : answer
        if (submitter == null || submitter.toString().trim().isEmpty()) {
            throw new IllegalStateException("The approval returned no submitter (answer: ${answer}); the input step must be called with submitterParameter: '${SUBMITTER_PARAMETER}'.")
        }
        return submitter.toString()
    }
}
