package org.idp

import java.util.regex.Pattern

/** Branch patterns of the 'branches' setting: an exact name, or a glob where '*' matches any characters. */
class BranchPattern {
    static boolean matches(String pattern, String branch) {
        StringBuilder regex = new StringBuilder()
        for (String part : pattern.split(/\*/, -1)) {
            if (regex.length() > 0) {
                regex.append('.*')
            }
            regex.append(Pattern.quote(part))
        }
        return branch ==~ regex.toString()
    }
}
