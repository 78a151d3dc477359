package org.idp

/** A step was called with settings it cannot use; the message lists every problem and how to fix it. */
class IdpConfigException extends IllegalArgumentException {
    IdpConfigException(String message) {
        super(message)
    }

    static void throwIfAny(String step, List<String> problems) {
        if (problems.isEmpty()) {
            return
        }
        String noun = problems.size() == 1 ? 'problem' : 'problems'
        StringBuilder message = new StringBuilder("${step}: the settings have ${problems.size()} ${noun}:")
        for (String problem : problems) {
            message.append('\n  - ').append(problem)
        }
        message.append("\nSee the ${step} help (vars/${step}.txt in the idp shared library) for every setting.")
        throw new IdpConfigException(message.toString())
    }
}
