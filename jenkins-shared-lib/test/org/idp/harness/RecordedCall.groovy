package org.idp.harness

/** One pipeline step the library called, with where it was called and the environment it saw. */
class RecordedCall {
    final int index
    final String step
    final Object arguments
    final List<String> enclosing
    final Map<String, String> environment
    /** True when the script or message was a Groovy GString, i.e. built by "${}" interpolation. */
    final boolean interpolated

    RecordedCall(int index, String step, Object arguments, List<String> enclosing, Map<String, String> environment, boolean interpolated) {
        this.index = index
        this.step = step
        this.arguments = arguments
        this.enclosing = enclosing
        this.environment = environment
        this.interpolated = interpolated
    }

    /** The argument named key when the step was called with a map, else the single positional argument. */
    Object argument(String key) {
        return arguments instanceof Map ? ((Map) arguments)[key] : arguments
    }

    boolean isInside(String blockPrefix) {
        for (String block : enclosing) {
            if (block.startsWith(blockPrefix)) {
                return true
            }
        }
        return false
    }

    String describe() {
        String where = enclosing.isEmpty() ? '' : "   [in ${enclosing.join(' > ')}]"
        return "${index}. ${step} ${arguments instanceof CharSequence ? "'${brief(arguments)}'" : brief(arguments)}${where}"
    }

    /** Multi-line values (pod templates) are cut to their first line so the transcript stays one line per call. */
    private static String brief(Object value) {
        if (value instanceof Map) {
            return '[' + ((Map) value).collect { k, v -> "${k}: ${brief(v)}" }.join(', ') + ']'
        }
        if (value instanceof List) {
            return '[' + ((List) value).collect { brief(it) }.join(', ') + ']'
        }
        String text = String.valueOf(value)
        List<String> lines = text.readLines()
        return lines.size() > 1 ? "${lines[0]} ...(${lines.size()} lines)".toString() : text
    }

    String toString() {
        return describe()
    }
}
