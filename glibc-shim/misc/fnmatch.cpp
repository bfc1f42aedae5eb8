// fnmatch: shell wildcard matching: * ? [set] [!set] [^set] [a-z], '\'
// quoting (unless FNM_NOESCAPE), FNM_PATHNAME ('/' matched only by '/'),
// FNM_PERIOD (a leading '.' matched only by '.'), FNM_CASEFOLD,
// FNM_LEADING_DIR. Backtracking is limited to the last '*', so the time is
// O(pattern × name) even for patterns like "*a*a*a*b".
#include <fnmatch.h>
#include <internal/ascii.h>
#include <string.h>

namespace {

struct Matcher {
    int flags;

    bool has(int flag) const { return (flags & flag) != 0; }
    int fold(int c) const { return has(FNM_CASEFOLD) ? shim::ascii::to_lower(c) : c; }

    // A '.' at the start of the name (or of a component, with FNM_PATHNAME)
    // that a wildcard may not match.
    bool protected_period(const char* name, const char* at) const
    {
        return has(FNM_PERIOD) && *at == '.' && (at == name || (has(FNM_PATHNAME) && at[-1] == '/'));
    }

    // Matches c against the bracket expression at pattern ('[' already
    // skipped). Returns the pattern after ']' and sets matched, or nullptr
    // when the bracket is not closed (then '[' is an ordinary character).
    const char* bracket(const char* pattern, int c, bool& matched) const
    {
        bool negate = *pattern == '!' || *pattern == '^';
        if (negate)
            ++pattern;
        matched = false;
        bool first = true;
        while (first || *pattern != ']') {
            first = false;
            if (*pattern == '\0')
                return nullptr;
            int low = static_cast<unsigned char>(*pattern++);
            if (low == '\\' && !has(FNM_NOESCAPE) && *pattern != '\0')
                low = static_cast<unsigned char>(*pattern++);
            int high = low;
            if (pattern[0] == '-' && pattern[1] != ']' && pattern[1] != '\0') {
                high = static_cast<unsigned char>(pattern[1]);
                pattern += 2;
                if (high == '\\' && !has(FNM_NOESCAPE) && *pattern != '\0')
                    high = static_cast<unsigned char>(*pattern++);
            }
            if ((fold(c) >= fold(low) && fold(c) <= fold(high)) || (c >= low && c <= high))
                matched = true;
        }
        matched = matched != negate;
        return pattern + 1;
    }

    // Matches one pattern element (not '*') against *name; on success
    // returns the pattern after the element, else nullptr.
    const char* single(const char* pattern, const char* name, const char* start) const
    {
        int c = static_cast<unsigned char>(*name);
        if (c == '\0')
            return nullptr;
        switch (*pattern) {
        case '?':
            if ((has(FNM_PATHNAME) && c == '/') || protected_period(start, name))
                return nullptr;
            return pattern + 1;
        case '[': {
            if ((has(FNM_PATHNAME) && c == '/') || protected_period(start, name))
                return nullptr;
            bool matched;
            const char* after = bracket(pattern + 1, c, matched);
            if (after == nullptr)
                return c == '[' ? pattern + 1 : nullptr;
            return matched ? after : nullptr;
        }
        case '\\':
            if (!has(FNM_NOESCAPE) && pattern[1] != '\0')
                ++pattern;
            [[fallthrough]];
        default: return fold(c) == fold(static_cast<unsigned char>(*pattern)) ? pattern + 1 : nullptr;
        }
    }

    bool match(const char* pattern, const char* name) const
    {
        const char* start = name;
        const char* star_pattern = nullptr; // after the last '*'
        const char* star_name = nullptr; // where that '*' stopped matching
        for (;;) {
            if (*pattern == '*') {
                while (*pattern == '*')
                    ++pattern;
                if (protected_period(start, name))
                    return false;
                star_pattern = pattern;
                star_name = name;
                continue;
            }
            if (*pattern == '\0') {
                if (*name == '\0' || (has(FNM_LEADING_DIR) && *name == '/'))
                    return true;
            } else if (const char* after = single(pattern, name, start)) {
                pattern = after;
                ++name;
                continue;
            } else if (*pattern == '/' && *name == '\0') {
                return false;
            }
            // Mismatch: let the last '*' swallow one more character, if it may.
            if (star_pattern == nullptr || *star_name == '\0' || (has(FNM_PATHNAME) && *star_name == '/'))
                return false;
            ++star_name;
            pattern = star_pattern;
            name = star_name;
        }
    }
};

} // namespace

extern "C" {

int fnmatch(const char* pattern, const char* name, int flags)
{
    return Matcher { flags }.match(pattern, name) ? 0 : FNM_NOMATCH;
}

} // extern "C"
