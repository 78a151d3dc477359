package org.idp.harness

/** post { }: the body of each condition. */
class PostSpec extends DirectiveSpec {
    /** The conditions in the order Jenkins evaluates them. */
    static final List<String> ORDER = ['always', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup']
    final Map<String, Closure> conditions = [:]

    String section() { 'post' }

    void always(Closure body) { conditions.always = body }

    void aborted(Closure body) { conditions.aborted = body }

    void failure(Closure body) { conditions.failure = body }

    void success(Closure body) { conditions.success = body }

    void unstable(Closure body) { conditions.unstable = body }

    void unsuccessful(Closure body) { conditions.unsuccessful = body }

    void cleanup(Closure body) { conditions.cleanup = body }

    static boolean applies(String condition, String result) {
        switch (condition) {
            case 'always': return true
            case 'cleanup': return true
            case 'aborted': return result == 'ABORTED'
            case 'failure': return result == 'FAILURE'
            case 'success': return result == 'SUCCESS'
            case 'unstable': return result == 'UNSTABLE'
            case 'unsuccessful': return result != 'SUCCESS'
            default: throw new HarnessError("Unknown post condition '${condition}'.")
        }
    }
}
