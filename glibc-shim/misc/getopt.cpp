// getopt, getopt_long, getopt_long_only. Options are read up to the first
// operand or "--" (POSIX order: arguments are not permuted). Clustered
// flags (-abc), attached or separate arguments (-ofile, -o file), optional
// arguments ("o::", attached only), a leading ':' in the option string
// (report a missing argument as ':' without a message) and long options
// with unique-prefix abbreviation are supported.
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>

extern "C" {
char* optarg = nullptr;
int optind = 1;
int opterr = 1;
int optopt = '?';
}

namespace {

// Where we are inside a cluster such as "-abc": valid only while optind
// and argv are what they were when it was set (a caller may restart by
// setting optind to 1, or to 0 as in glibc).
struct Cluster {
    const char* next = nullptr;
    int index = 0;
    char* const* argv = nullptr;
};
Cluster g_cluster;

struct Parser {
    int argc;
    char* const* argv;
    const char* options;
    const option* long_options;
    int* long_index;
    bool long_only;
    bool silent;

    void complain(const char* message, const char* subject, size_t subject_length) const
    {
        if (!opterr || silent)
            return;
        const char* program = argv[0] != nullptr ? argv[0] : "";
        write(2, program, strlen(program));
        write(2, ": ", 2);
        write(2, message, strlen(message));
        write(2, " '", 2);
        write(2, subject, subject_length);
        write(2, "'\n", 2);
    }

    int missing_argument() const { return silent ? ':' : '?'; }

    int short_option();
    int long_option(const char* text, bool single_dash);
    int next();
};

int Parser::short_option()
{
    char letter = *g_cluster.next++;
    const char* spec = letter == ':' ? nullptr : strchr(options, letter);
    bool cluster_ends = *g_cluster.next == '\0';
    if (spec == nullptr) {
        optopt = static_cast<unsigned char>(letter);
        complain("invalid option --", &letter, 1);
        if (cluster_ends)
            ++optind;
        return '?';
    }
    optarg = nullptr;
    if (spec[1] != ':') {
        if (cluster_ends)
            ++optind;
        return letter;
    }
    bool optional = spec[2] == ':';
    if (!cluster_ends) {
        optarg = const_cast<char*>(g_cluster.next);
        ++optind;
    } else if (optional) {
        ++optind;
    } else if (optind + 1 < argc) {
        optarg = argv[optind + 1];
        optind += 2;
    } else {
        ++optind;
        optopt = static_cast<unsigned char>(letter);
        complain("option requires an argument --", &letter, 1);
        g_cluster.next = nullptr;
        return missing_argument();
    }
    g_cluster.next = nullptr;
    return letter;
}

// text is the option after its dashes ("name" or "name=value").
// Returns -2 when single_dash and no long option matches (try short ones).
int Parser::long_option(const char* text, bool single_dash)
{
    const char* equals = strchrnul(text, '=');
    size_t length = static_cast<size_t>(equals - text);
    int found = -1;
    bool ambiguous = false;
    for (int i = 0; long_options[i].name != nullptr; ++i) {
        if (strncmp(long_options[i].name, text, length) != 0)
            continue;
        if (strlen(long_options[i].name) == length) {
            found = i;
            ambiguous = false;
            break;
        }
        if (found >= 0)
            ambiguous = true;
        else
            found = i;
    }
    if (found < 0 && single_dash && length >= 1)
        return -2;
    ++optind;
    optopt = 0;
    if (found < 0 || ambiguous) {
        complain(ambiguous ? "option is ambiguous:" : "unrecognized option", text, length);
        return '?';
    }
    const option& chosen = long_options[found];
    optarg = nullptr;
    if (*equals == '=') {
        if (chosen.has_arg == no_argument) {
            optopt = chosen.flag == nullptr ? chosen.val : 0;
            complain("option doesn't allow an argument:", text, length);
            return '?';
        }
        optarg = const_cast<char*>(equals + 1);
    } else if (chosen.has_arg == required_argument) {
        if (optind >= argc) {
            optopt = chosen.flag == nullptr ? chosen.val : 0;
            complain("option requires an argument:", text, length);
            return missing_argument();
        }
        optarg = argv[optind++];
    }
    if (long_index != nullptr)
        *long_index = found;
    if (chosen.flag != nullptr) {
        *chosen.flag = chosen.val;
        return 0;
    }
    return chosen.val;
}

int Parser::next()
{
    if (optind == 0) {
        optind = 1;
        g_cluster = Cluster {};
    }
    if (g_cluster.next != nullptr && g_cluster.index == optind && g_cluster.argv == argv && *g_cluster.next != '\0')
        return short_option();
    g_cluster = Cluster {};
    if (optind >= argc || argv[optind] == nullptr)
        return -1;
    const char* argument = argv[optind];
    if (argument[0] != '-' || argument[1] == '\0')
        return -1;
    if (argument[1] == '-' && argument[2] == '\0') {
        ++optind;
        return -1;
    }
    if (long_options != nullptr && argument[1] == '-')
        return long_option(argument + 2, false);
    if (long_options != nullptr && long_only) {
        // A single-dash long option; a lone known letter stays a short option.
        bool lone_short_letter = argument[2] == '\0' && strchr(options, argument[1]) != nullptr;
        if (!lone_short_letter) {
            int result = long_option(argument + 1, true);
            if (result != -2)
                return result;
        }
    }
    g_cluster = Cluster { argument + 1, optind, argv };
    return short_option();
}

int parse(
    int argc, char* const argv[], const char* options, const option* long_options, int* long_index, bool long_only)
{
    // '+' and '-' (GNU ordering controls) are accepted; ordering is always POSIX.
    if (*options == '+' || *options == '-')
        ++options;
    bool silent = *options == ':';
    Parser parser { argc, argv, options, long_options, long_index, long_only, silent };
    return parser.next();
}

} // namespace

extern "C" {

int getopt(int argc, char* const argv[], const char* options)
{
    return parse(argc, argv, options, nullptr, nullptr, false);
}

int getopt_long(int argc, char* const argv[], const char* options, const struct option* long_options, int* long_index)
{
    return parse(argc, argv, options, long_options, long_index, false);
}

int getopt_long_only(
    int argc, char* const argv[], const char* options, const struct option* long_options, int* long_index)
{
    return parse(argc, argv, options, long_options, long_index, true);
}

} // extern "C"
