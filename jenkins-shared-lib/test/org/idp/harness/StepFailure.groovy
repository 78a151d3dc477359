package org.idp.harness

/** A step failed the way Jenkins' AbortException does (error step, non-zero sh): the build becomes FAILURE. */
class StepFailure extends RuntimeException {
    StepFailure(String message) {
        super(message)
    }
}
