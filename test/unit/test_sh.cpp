// The shell's pure parts (utils/sh): the lexer, the parser, word expansion
// (with pathname expansion in a scratch directory), variables and the line
// editor. Running commands is tested by `make host-utils-test`.
#include <catch.hpp>

extern "C" {
#include "../../utils/sh/arithmetic.h"
#include "../../utils/sh/expand.h"
#include "../../utils/sh/lexer.h"
#include "../../utils/sh/line_editor.h"
#include "../../utils/sh/parser.h"
#include "../../utils/sh/pathname.h"
#include "../../utils/sh/read_builtin.h"
#include "../../utils/sh/variables.h"
}

#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

// The tokens of `text`, one string each: words as written, operators by
// name, an io number as "N" before its operator.
std::vector<std::string> tokens_of(const char* text, lex_status expected = LEX_OK)
{
    static const char* const names[] = { "WORD", "NL", ";", "&", "|", "&&", "||", "<", ">", ">>", "<>", ">&", "<&", "(",
        ")", ";;", "<<", "<<-", "END" };
    token_list tokens {};
    REQUIRE(lex(text, &tokens) == expected);
    std::vector<std::string> out;
    for (size_t i = 0; i < tokens.count; ++i) {
        const token& t = tokens.items[i];
        if (t.io_number >= 0)
            out.push_back(std::to_string(t.io_number));
        out.push_back(t.kind == TOKEN_WORD ? std::string(t.text) : names[t.kind]);
    }
    tokens_free(&tokens);
    return out;
}

using Strings = std::vector<std::string>;

struct Parsed {
    parse_status status;
    list* tree = nullptr;
    std::string message;
    explicit Parsed(const char* text)
    {
        char buffer[160];
        status = parse(text, &tree, buffer, sizeof buffer);
        message = buffer;
    }
    ~Parsed() { list_free(tree); }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;
};

Strings words_of(const command* c) { return Strings(c->words, c->words + c->word_count); }

// Variables and parameters for expansion tests.
struct Environment {
    variables vars {};
    std::vector<char*> positional;
    expand_environment env {};
    Environment(std::initializer_list<const char*> arguments = {})
    {
        for (const char* argument : arguments)
            positional.push_back(const_cast<char*>(argument));
        env.variables = &vars;
        env.positional = positional.data();
        env.positional_count = positional.size();
        env.script_name = "script";
        env.last_status = 3;
        env.shell_pid = 4242;
        env.last_background_pid = 0;
    }
    ~Environment() { variables_free(&vars); }
    void set(const char* name, const char* value) { REQUIRE(variables_set(&vars, name, value, false) == 0); }

    Strings expand(std::initializer_list<const char*> words)
    {
        std::vector<char*> raw;
        for (const char* word : words)
            raw.push_back(const_cast<char*>(word));
        word_list fields {};
        char message[128];
        REQUIRE(expand_words(&env, raw.data(), raw.size(), &fields, message, sizeof message) == 0);
        Strings out(fields.items, fields.items + fields.count);
        words_free(&fields);
        return out;
    }
    std::string single(const char* word)
    {
        char message[128];
        char* result = expand_word(&env, word, message, sizeof message);
        REQUIRE(result != nullptr);
        std::string out(result);
        free(result);
        return out;
    }
};

} // namespace

TEST_CASE("sh lexer: operators, words with their quotes, io numbers, comments")
{
    CHECK(tokens_of("echo a|b&&c||d;e&")
        == Strings { "echo", "a", "|", "b", "&&", "c", "||", "d", ";", "e", "&", "END" });
    CHECK(tokens_of("cat <in >out >>log 2>&1 <>rw 0<&3 9>x")
        == Strings { "cat", "<", "in", ">", "out", ">>", "log", "2", ">&", "1", "<>", "rw", "0", "<&", "3", "9", ">",
            "x", "END" });
    CHECK(tokens_of("echo 'a b'\"c d\"\\ e ${x}y") == Strings { "echo", "'a b'\"c d\"\\ e", "${x}y", "END" });
    CHECK(tokens_of("echo \"a;b|c\" 'x&&y' # comment | here\nls")
        == Strings { "echo", "\"a;b|c\"", "'x&&y'", "NL", "ls", "END" });
    CHECK(tokens_of("echo a#b x2>y") == Strings { "echo", "a#b", "x2", ">", "y", "END" });
    CHECK(tokens_of("echo a \\\nb") == Strings { "echo", "a", "b", "END" });
    CHECK(tokens_of("") == Strings { "END" });
}

TEST_CASE("sh lexer: command substitutions are part of their word")
{
    CHECK(tokens_of("echo $(ls | wc -l)x `date; true` \"$(echo \"a b\")\"")
        == Strings { "echo", "$(ls | wc -l)x", "`date; true`", "\"$(echo \"a b\")\"", "END" });
    CHECK(tokens_of("echo $(echo (nested) ')' \\))") == Strings { "echo", "$(echo (nested) ')' \\))", "END" });
    tokens_of("echo $(ls", LEX_INCOMPLETE);
    tokens_of("echo `ls", LEX_INCOMPLETE);
    tokens_of("echo \"$(echo \")\"", LEX_INCOMPLETE);
}

TEST_CASE("sh lexer: here-documents take the lines after their command")
{
    token_list tokens {};
    REQUIRE(lex("cat <<EOF; cat <<-'END' 2<<X\nline $x\nEOF\n\tkept\n\tEND\nx\nX\necho after", &tokens) == LEX_OK);
    Strings words;
    for (size_t i = 0; i < tokens.count; ++i)
        if (tokens.items[i].kind == TOKEN_WORD)
            words.push_back(tokens.items[i].text);
    CHECK(words == Strings { "cat", "EOF", "cat", "'END'", "X", "echo", "after" });
    CHECK(std::string(tokens.items[2].heredoc) == "line $x\n");
    CHECK(tokens.items[2].heredoc_quoted == 0);
    CHECK(tokens.items[1].kind == TOKEN_DLESS);
    CHECK(tokens.items[5].kind == TOKEN_DLESSDASH);
    CHECK(std::string(tokens.items[6].heredoc) == "kept\n"); // tabs stripped
    CHECK(tokens.items[6].heredoc_quoted == 1);
    CHECK(tokens.items[7].io_number == 2);
    CHECK(std::string(tokens.items[8].heredoc) == "x\n");
    tokens_free(&tokens);
    tokens_of("cat <<EOF", LEX_INCOMPLETE);
    tokens_of("cat <<EOF\nbody\n", LEX_INCOMPLETE);
    tokens_of("cat <<EOF\nbody\nEOF"); // the delimiter may end the text
}

TEST_CASE("sh lexer: open quotes and a trailing backslash ask for more text")
{
    tokens_of("echo 'abc", LEX_INCOMPLETE);
    tokens_of("echo \"abc", LEX_INCOMPLETE);
    tokens_of("echo \"a\\\"", LEX_INCOMPLETE);
    tokens_of("echo ${abc", LEX_INCOMPLETE);
    tokens_of("echo ${a:-${b}", LEX_INCOMPLETE);
    CHECK(tokens_of("echo ${a:-${b}} ${c:-\"}\"}") == Strings { "echo", "${a:-${b}}", "${c:-\"}\"}", "END" });
    tokens_of("echo abc\\", LEX_INCOMPLETE);
}

TEST_CASE("sh parser: lists, and-or lists, pipelines, assignments, redirections")
{
    Parsed p("A=1 B=2 cmd x y >out 2>&1 | grep z && echo ok || echo no & wait; ! false");
    REQUIRE(p.status == PARSE_OK);
    REQUIRE(p.tree->count == 3);
    const and_or* first = p.tree->items[0];
    CHECK(first->background);
    REQUIRE(first->count == 3);
    CHECK(first->operators[0] == AND_IF);
    CHECK(first->operators[1] == OR_IF);
    const pipeline* pipe = first->pipelines[0];
    REQUIRE(pipe->count == 2);
    const command* cmd = pipe->commands[0];
    CHECK(Strings(cmd->assignments, cmd->assignments + cmd->assignment_count) == Strings { "A=1", "B=2" });
    CHECK(words_of(cmd) == Strings { "cmd", "x", "y" });
    REQUIRE(cmd->redirect_count == 2);
    CHECK(cmd->redirects[0].kind == REDIRECT_OUTPUT);
    CHECK(cmd->redirects[0].fd == 1);
    CHECK(std::string(cmd->redirects[0].target) == "out");
    CHECK(cmd->redirects[1].kind == REDIRECT_DUP_OUTPUT);
    CHECK(cmd->redirects[1].fd == 2);
    CHECK(std::string(cmd->redirects[1].target) == "1");
    CHECK(words_of(pipe->commands[1]) == Strings { "grep", "z" });
    CHECK_FALSE(p.tree->items[1]->background);
    CHECK(p.tree->items[2]->pipelines[0]->negated);
    CHECK(words_of(p.tree->items[2]->pipelines[0]->commands[0]) == Strings { "false" });
}

TEST_CASE("sh parser: an assignment after the command name is an argument")
{
    Parsed p("echo A=1");
    REQUIRE(p.status == PARSE_OK);
    const command* cmd = p.tree->items[0]->pipelines[0]->commands[0];
    CHECK(cmd->assignment_count == 0);
    CHECK(words_of(cmd) == Strings { "echo", "A=1" });
}

TEST_CASE("sh parser: if/elif/else, while, until, for, with redirections on the whole")
{
    Parsed p("if a; then b; elif c; then d; else e; fi\n"
             "while x\ndo y; done >log\n"
             "until z; do w; done\n"
             "for v in 1 2 3; do echo $v; done\n"
             "for v; do :; done");
    REQUIRE(p.status == PARSE_OK);
    REQUIRE(p.tree->count == 5);
    const command* if_command = p.tree->items[0]->pipelines[0]->commands[0];
    REQUIRE(if_command->kind == COMMAND_IF);
    CHECK(words_of(if_command->condition->items[0]->pipelines[0]->commands[0]) == Strings { "a" });
    CHECK(words_of(if_command->body->items[0]->pipelines[0]->commands[0]) == Strings { "b" });
    const command* elif = if_command->else_body->items[0]->pipelines[0]->commands[0];
    REQUIRE(elif->kind == COMMAND_IF);
    CHECK(words_of(elif->else_body->items[0]->pipelines[0]->commands[0]) == Strings { "e" });
    const command* while_command = p.tree->items[1]->pipelines[0]->commands[0];
    CHECK(while_command->kind == COMMAND_WHILE);
    REQUIRE(while_command->redirect_count == 1);
    CHECK(std::string(while_command->redirects[0].target) == "log");
    CHECK(p.tree->items[2]->pipelines[0]->commands[0]->kind == COMMAND_UNTIL);
    const command* for_command = p.tree->items[3]->pipelines[0]->commands[0];
    REQUIRE(for_command->kind == COMMAND_FOR);
    CHECK(std::string(for_command->variable) == "v");
    CHECK(for_command->has_items);
    CHECK(Strings(for_command->items, for_command->items + for_command->item_count) == Strings { "1", "2", "3" });
    CHECK_FALSE(p.tree->items[4]->pipelines[0]->commands[0]->has_items);
}

TEST_CASE("sh parser: subshells, groups, case and functions")
{
    Parsed p("(cd /; ls) > out\n"
             "{ a; b; } 2>&1\n"
             "case $x in (a|b) one;; c*) ;; *) two\nesac\n"
             "f() { echo $1; }\n"
             "g()\n(x)");
    REQUIRE(p.status == PARSE_OK);
    REQUIRE(p.tree->count == 5);
    const command* subshell = p.tree->items[0]->pipelines[0]->commands[0];
    CHECK(subshell->kind == COMMAND_SUBSHELL);
    CHECK(subshell->body->count == 2);
    CHECK(subshell->redirect_count == 1);
    const command* group = p.tree->items[1]->pipelines[0]->commands[0];
    CHECK(group->kind == COMMAND_GROUP);
    CHECK(group->body->count == 2);
    CHECK(group->redirects[0].kind == REDIRECT_DUP_OUTPUT);
    const command* case_command = p.tree->items[2]->pipelines[0]->commands[0];
    REQUIRE(case_command->kind == COMMAND_CASE);
    CHECK(std::string(case_command->variable) == "$x");
    REQUIRE(case_command->case_item_count == 3);
    CHECK(Strings(case_command->case_items[0].patterns, case_command->case_items[0].patterns + 2)
        == Strings { "a", "b" });
    CHECK(case_command->case_items[1].body->count == 0);
    CHECK(case_command->case_items[2].body->count == 1);
    const command* function = p.tree->items[3]->pipelines[0]->commands[0];
    REQUIRE(function->kind == COMMAND_FUNCTION);
    CHECK(std::string(function->variable) == "f");
    CHECK(function->function_body->kind == COMMAND_GROUP);
    CHECK(p.tree->items[4]->pipelines[0]->commands[0]->function_body->kind == COMMAND_SUBSHELL);
}

TEST_CASE("sh parser: a copied command is whole and independent")
{
    Parsed p(
        "f() { case $1 in a) for x in 1 2; do (echo $x >> log) || break; done;; esac; if a; then b; else c; fi; }");
    REQUIRE(p.status == PARSE_OK);
    command* original = p.tree->items[0]->pipelines[0]->commands[0];
    command* copy = command_copy(original->function_body);
    REQUIRE(copy != nullptr);
    CHECK(copy != original->function_body);
    const command* case_copy = copy->body->items[0]->pipelines[0]->commands[0];
    REQUIRE(case_copy->kind == COMMAND_CASE);
    CHECK(case_copy->case_items[0].patterns
        != original->function_body->body->items[0]->pipelines[0]->commands[0]->case_items[0].patterns);
    const command* loop = case_copy->case_items[0].body->items[0]->pipelines[0]->commands[0];
    REQUIRE(loop->kind == COMMAND_FOR);
    CHECK(Strings(loop->items, loop->items + loop->item_count) == Strings { "1", "2" });
    const and_or* inner = loop->body->items[0];
    CHECK(inner->operators[0] == OR_IF);
    CHECK(inner->pipelines[0]->commands[0]->kind == COMMAND_SUBSHELL);
    CHECK(std::string(inner->pipelines[0]->commands[0]->body->items[0]->pipelines[0]->commands[0]->redirects[0].target)
        == "log");
    CHECK(copy->body->items[1]->pipelines[0]->commands[0]->else_body != nullptr);
    command_free(copy); // the original is freed with the tree: ASan sees any sharing
}

TEST_CASE("sh parser: unfinished constructs ask for another line")
{
    for (const char* text :
        { "if true; then", "if true; then echo", "while x; do", "for a in b c", "echo a |", "true &&", "false ||",
            "echo 'open", "if a; then b; else", "(echo", "{ echo;", "case x in", "case x in a) b;;", "f()", "f() {" }) {
        Parsed p(text);
        INFO(text);
        CHECK(p.status == PARSE_INCOMPLETE);
        CHECK(p.tree == nullptr);
    }
}

TEST_CASE("sh parser: syntax errors are reported, not run")
{
    for (const char* text : { "fi", "| a", "; ;", "a && || b", "then", "echo >", "if then fi", "while do done",
             "for 1=x in a; do b; done", "a | | b", "echo a; done", "echo )", "( )", "{ }", "case x y",
             "case x in a b) ;; esac", "f() x", "echo (a)", "}" }) {
        Parsed p(text);
        INFO(text);
        CHECK(p.status == PARSE_ERROR);
        CHECK(p.tree == nullptr);
        CHECK_FALSE(p.message.empty());
    }
    Parsed empty("   # only a comment\n\n");
    REQUIRE(empty.status == PARSE_OK);
    CHECK(empty.tree->count == 0);
}

TEST_CASE("sh expansion: parameters and special parameters")
{
    Environment e { "one", "two words", "" };
    e.set("x", "value");
    e.set("HOME", "/home/user");
    CHECK(e.single("$x") == "value");
    CHECK(e.single("${x}s") == "values");
    CHECK(e.single("$x.$?.$$.$#") == "value.3.4242.3");
    CHECK(e.single("$0:$1:$2") == "script:one:two words");
    CHECK(e.single("[$9][$!][$unset]") == "[][][]");
    CHECK(e.single("~/bin") == "/home/user/bin");
    CHECK(e.single("a~") == "a~");
    CHECK(e.single("$") == "$");
    CHECK(e.single("cost: $5") == "cost: ");
    e.env.last_background_pid = 77;
    CHECK(e.single("$!") == "77");
}

TEST_CASE("sh expansion: quotes and backslashes are removed after they did their work")
{
    Environment e;
    e.set("x", "a  b");
    CHECK(e.expand({ "'$x'" }) == Strings { "$x" });
    CHECK(e.expand({ "\"$x\"" }) == Strings { "a  b" });
    CHECK(e.expand({ "$x" }) == Strings { "a", "b" });
    CHECK(e.expand({ "\\$x" }) == Strings { "$x" });
    CHECK(e.expand({ "\"a\\\"b\\$c\\d\"" }) == Strings { "a\"b$c\\d" });
    CHECK(e.expand({ "x\"\"y", "''", "\"\"" }) == Strings { "xy", "", "" });
    CHECK(e.expand({ "it'\"s'" }) == Strings { "it\"s" });
}

TEST_CASE("sh expansion: field splitting applies to unquoted results only")
{
    Environment e { "p 1", "p2" };
    e.set("empty", "");
    e.set("spaced", "  lead  trail  ");
    CHECK(e.expand({ "$empty" }).empty());
    CHECK(e.expand({ "\"$empty\"" }) == Strings { "" });
    CHECK(e.expand({ "$spaced" }) == Strings { "lead", "trail" });
    CHECK(e.expand({ "x${spaced}y" }) == Strings { "x", "lead", "trail", "y" });
    CHECK(e.expand({ "\"$@\"" }) == Strings { "p 1", "p2" });
    CHECK(e.expand({ "\"<$@>\"" }) == Strings { "<p 1", "p2>" });
    CHECK(e.expand({ "$@" }) == Strings { "p", "1", "p2" });
    CHECK(e.expand({ "\"$*\"" }) == Strings { "p 1 p2" });
    e.set("IFS", ":");
    e.set("path", "/bin::/usr/bin");
    CHECK(e.expand({ "$path" }) == Strings { "/bin", "", "/usr/bin" });
    CHECK(e.expand({ "\"$*\"" }) == Strings { "p 1:p2" });
}

TEST_CASE("sh expansion: \"$@\" without parameters makes no field")
{
    Environment e;
    CHECK(e.expand({ "\"$@\"" }).empty());
    CHECK(e.expand({ "a", "\"$@\"", "b" }) == Strings { "a", "b" });
    CHECK(e.expand({ "\"x$@\"" }) == Strings { "x" });
}

namespace {

// A stand-in for running a command: its output is "<command>\n\n".
char* bracket_command(void* context, const char* command)
{
    ++*static_cast<int*>(context);
    std::string output = "<" + std::string(command) + ">\n\n";
    return strdup(output.c_str());
}

char* failing_command(void*, const char*) { return nullptr; }

} // namespace

TEST_CASE("sh expansion: command substitution, split when unquoted, trailing newlines removed")
{
    Environment e;
    int calls = 0;
    e.env.substitute = bracket_command;
    e.env.substitute_context = &calls;
    CHECK(e.expand({ "$(a  b)" }) == Strings { "<a", "b>" });
    CHECK(e.expand({ "\"$(a  b)\"" }) == Strings { "<a  b>" });
    CHECK(e.expand({ "x`c`y" }) == Strings { "x<c>y" });
    CHECK(e.expand({ "`a \\` \\$x \\\\`" }) == Strings { "<a", "`", "$x", "\\>" });
    CHECK(e.single("$(echo \")\")") == "<echo \")\">");
    CHECK(calls == 5);
    char message[128];
    e.env.substitute = failing_command;
    CHECK(expand_word(&e.env, "$(x)", message, sizeof message) == nullptr);
    e.env.substitute = nullptr;
    CHECK(expand_word(&e.env, "`x`", message, sizeof message) == nullptr);
    CHECK(std::string(message) == "command substitution is not available here");
}

TEST_CASE("sh expansion: ${name} operators")
{
    Environment e { "first" };
    e.set("file", "a.tar.gz");
    e.set("empty", "");
    CHECK(e.single("${file%.*}|${file%%.*}|${file#*.}|${file##*.}|${#file}") == "a.tar|a|tar.gz|gz|8");
    CHECK(e.single("${unset:-d}|${unset-d}|${empty:-d}|${empty-d}") == "d|d|d|");
    CHECK(e.single("${unset:+a}|${unset+a}|${empty:+a}|${empty+a}|${file:+a}") == "|||a|a");
    CHECK(e.single("${1:-none}|${2:-none}|${#1}|${#}") == "first|none|5|1");
    CHECK(e.single("${file%\"*\"}|${file#\"a\"}") == "a.tar.gz|.tar.gz");
    CHECK(e.single("${unset:-${file%%.*}}") == "a");
    CHECK(e.expand({ "${unset:-x y}" }) == Strings { "x", "y" });
    CHECK(e.expand({ "\"${unset:-x y}\"" }) == Strings { "x y" });
    CHECK(e.expand({ "${unset:-'x y'}" }) == Strings { "x y" });
    char message[128];
    CHECK(expand_word(&e.env, "${unset:?say why}", message, sizeof message) == nullptr);
    CHECK(std::string(message) == "unset: say why");
    char* set_but_empty = expand_word(&e.env, "${empty?}", message, sizeof message);
    CHECK(set_but_empty != nullptr); // set, though empty
    free(set_but_empty);
    for (const char* bad : { "${file:#x}", "${file/x}", "${:-x}" }) {
        INFO(bad);
        CHECK(expand_word(&e.env, bad, message, sizeof message) == nullptr);
    }
}

TEST_CASE("sh expansion: a bad substitution is an error")
{
    Environment e;
    char message[128];
    for (const char* word : { "${a b}", "${}", "${1a}", "\"${-x}\"" }) {
        INFO(word);
        CHECK(expand_word(&e.env, word, message, sizeof message) == nullptr);
        CHECK(std::string(message) == "bad substitution");
        char* raw = const_cast<char*>(word);
        word_list fields {};
        CHECK(expand_words(&e.env, &raw, 1, &fields, message, sizeof message) == -1);
        words_free(&fields);
    }
}

namespace {

// A scratch directory, the current one while it lives.
struct ScratchDirectory {
    std::string path;
    char previous[4096];
    ScratchDirectory()
    {
        REQUIRE(getcwd(previous, sizeof previous) != nullptr);
        char pattern[] = "/tmp/portico-sh-test-XXXXXX";
        REQUIRE(mkdtemp(pattern) != nullptr);
        path = pattern;
        REQUIRE(chdir(pattern) == 0);
    }
    ~ScratchDirectory()
    {
        REQUIRE(chdir(previous) == 0);
        std::string command = "rm -rf '" + path + "'";
        REQUIRE(std::system(command.c_str()) == 0);
    }
    static void file(const char* name)
    {
        int fd = open(name, O_WRONLY | O_CREAT, 0644);
        REQUIRE(fd >= 0);
        close(fd);
    }
};

} // namespace

TEST_CASE("sh expansion: pathname expansion in a directory")
{
    ScratchDirectory scratch;
    REQUIRE(mkdir("dir", 0755) == 0);
    for (const char* name : { "b.txt", "a.txt", "c.md", ".hidden.txt", "dir/x.txt", "dir/y.c", "*.txt" })
        ScratchDirectory::file(name);
    Environment e;
    e.set("pattern", "*.md");
    CHECK(e.expand({ "*.txt" }) == Strings { "*.txt", "a.txt", "b.txt" });
    CHECK(e.expand({ "?.md", "dir/*" }) == Strings { "c.md", "dir/x.txt", "dir/y.c" });
    CHECK(e.expand({ "*/*.c" }) == Strings { "dir/y.c" });
    CHECK(e.expand({ ".*.txt" }) == Strings { ".hidden.txt" });
    CHECK(e.expand({ "[ab].txt" }) == Strings { "a.txt", "b.txt" });
    CHECK(e.expand({ "$pattern" }) == Strings { "c.md" });
    // Quoted pattern characters match only themselves; no match keeps the word.
    CHECK(e.expand({ "'*'.txt" }) == Strings { "*.txt" });
    CHECK(e.expand({ "\"$pattern\"" }) == Strings { "*.md" });
    CHECK(e.expand({ "\\*.txt" }) == Strings { "*.txt" });
    CHECK(e.expand({ "*.none", "nodir/*" }) == Strings { "*.none", "nodir/*" });
    std::string absolute = scratch.path + "/d*/x*";
    CHECK(e.expand({ absolute.c_str() }) == Strings { scratch.path + "/dir/x.txt" });
}

TEST_CASE("sh pathname: magic characters and unescaping")
{
    CHECK(pattern_has_magic("a*"));
    CHECK(pattern_has_magic("[x]"));
    CHECK_FALSE(pattern_has_magic("a\\*b"));
    CHECK_FALSE(pattern_has_magic("plain"));
    char* plain = pattern_unescape("a\\*b\\\\c");
    CHECK(std::string(plain) == "a*b\\c");
    free(plain);
}

TEST_CASE("sh variables: set, export, unset, and the environment children get")
{
    variables vars {};
    char* initial[]
        = { const_cast<char*>("PATH=/bin"), const_cast<char*>("bad name=1"), const_cast<char*>("NOEQUALS"), nullptr };
    variables_import(&vars, initial);
    CHECK(std::string(variables_get(&vars, "PATH")) == "/bin");
    CHECK(variables_get(&vars, "NOEQUALS") == nullptr);
    CHECK(variables_set(&vars, "local", "1", false) == 0);
    CHECK(variables_set(&vars, "1x", "1", false) == -1);
    CHECK(variables_set(&vars, "a-b", "1", false) == -1);
    CHECK(variables_export(&vars, "LATER") == 0); // exported without a value: not in the environment
    CHECK(variables_set(&vars, "SHOWN", "yes", true) == 0);
    char** environment = variables_environment(&vars);
    Strings entries;
    for (char** entry = environment; *entry; ++entry)
        entries.push_back(*entry);
    free_environment(environment);
    CHECK(entries == Strings { "PATH=/bin", "SHOWN=yes" });
    variables_unset(&vars, "PATH");
    CHECK(variables_get(&vars, "PATH") == nullptr);
    CHECK(std::string(variables_get(&vars, "local")) == "1");
    variables_free(&vars);
}

namespace {

struct Editor {
    history hist {};
    line_editor editor {};
    key_decoder decoder {};
    edit_result last = EDIT_CONTINUE;
    Editor() { editor_start(&editor, &hist); }
    ~Editor()
    {
        free(editor_finish(&editor));
        history_free(&hist);
    }
    void type(const std::string& bytes)
    {
        for (char c : bytes)
            last = editor_apply(&editor, decode_key(&decoder, c), c);
    }
    std::string line() const { return editor.line.data ? editor.line.data : ""; }
    void restart()
    {
        free(editor_finish(&editor));
        editor_start(&editor, &hist);
    }
};

} // namespace

TEST_CASE("sh line editor: escape sequences and control keys decode to keys")
{
    key_decoder d {};
    CHECK(decode_key(&d, 'a') == KEY_CHARACTER);
    CHECK(decode_key(&d, '\x1b') == KEY_PENDING);
    CHECK(decode_key(&d, '[') == KEY_PENDING);
    CHECK(decode_key(&d, 'D') == KEY_LEFT);
    CHECK(decode_key(&d, '\x1b') == KEY_PENDING);
    CHECK(decode_key(&d, 'O') == KEY_PENDING);
    CHECK(decode_key(&d, 'A') == KEY_UP);
    for (char c : std::string("\x1b[3"))
        CHECK(decode_key(&d, c) == KEY_PENDING);
    CHECK(decode_key(&d, '~') == KEY_DELETE);
    CHECK(decode_key(&d, '\x1b') == KEY_PENDING);
    CHECK(decode_key(&d, 'x') == KEY_IGNORED); // not a sequence: dropped, and the decoder starts over
    CHECK(decode_key(&d, 'x') == KEY_CHARACTER);
    CHECK(decode_key(&d, '\x7f') == KEY_BACKSPACE);
    CHECK(decode_key(&d, '\x01') == KEY_HOME);
    CHECK(decode_key(&d, '\x05') == KEY_END);
    CHECK(decode_key(&d, '\x15') == KEY_KILL_BEFORE);
    CHECK(decode_key(&d, '\x04') == KEY_END_OF_FILE);
    CHECK(decode_key(&d, '\r') == KEY_ENTER);
    CHECK(decode_key(&d, '\x07') == KEY_IGNORED);
}

TEST_CASE("sh line editor: inserting, moving and deleting")
{
    Editor e;
    e.type("helo");
    e.type("\x1b[D");
    e.type("l");
    CHECK(e.line() == "hello");
    e.type("\x01>"); // ^A, then insert at the start
    CHECK(e.line() == ">hello");
    e.type("\x05!"); // ^E, then append
    CHECK(e.line() == ">hello!");
    e.type("\x7f\x7f"); // two backspaces
    CHECK(e.line() == ">hell");
    e.type("\x1b[D\x1b[D\x0b"); // ^K from the cursor
    CHECK(e.line() == ">he");
    e.type("\x1b[D\x15"); // ^U before the cursor
    CHECK(e.line() == "e");
    e.type("\x01\x1b[3~"); // Delete at the start
    CHECK(e.line() == "");
    e.type("\x7f\x1b[D\x1b[3~"); // nothing to delete: nothing happens
    CHECK(e.line() == "");
    e.type("ab\x01\x04"); // ^D in a line deletes under the cursor
    CHECK(e.line() == "b");
    CHECK(e.last == EDIT_CONTINUE);
    e.type("\r");
    CHECK(e.last == EDIT_DONE);
}

TEST_CASE("sh line editor: ^D on an empty line is the end of input")
{
    Editor e;
    e.type("\x04");
    CHECK(e.last == EDIT_END_OF_FILE);
}

TEST_CASE("sh line editor: history with up and down keeps the line being typed")
{
    Editor e;
    history_add(&e.hist, "first");
    history_add(&e.hist, "second");
    history_add(&e.hist, "second"); // a repeat is not kept twice
    history_add(&e.hist, ""); // nor an empty line
    CHECK(e.hist.count == 2);
    e.restart();
    e.type("draft");
    e.type("\x1b[A");
    CHECK(e.line() == "second");
    e.type("\x1b[A\x1b[A"); // past the oldest: stays there
    CHECK(e.line() == "first");
    e.type("\x1b[B");
    CHECK(e.line() == "second");
    e.type("\x1b[B");
    CHECK(e.line() == "draft");
    e.type("\x1b[B");
    CHECK(e.line() == "draft");
}

TEST_CASE("sh line editor: history keeps the last kHistoryLimit lines")
{
    history h {};
    for (int i = 0; i < kHistoryLimit + 5; ++i)
        history_add(&h, std::to_string(i).c_str());
    CHECK(h.count == kHistoryLimit);
    CHECK(std::string(h.lines[0]) == "5");
    CHECK(std::string(h.lines[kHistoryLimit - 1]) == std::to_string(kHistoryLimit + 4));
    history_free(&h);
}

TEST_CASE("sh line editor: rendering redraws with carriage return, blanks and backspaces")
{
    text out {};
    render_line(&out, "$ ", "abc", 3, 1, 0);
    CHECK(std::string(out.data) == "\r$ abc\b\b");
    text_free(&out);
    render_line(&out, "$ ", "ab", 2, 2, 5); // three stale bytes to blank
    CHECK(std::string(out.data) == "\r$ ab   \b\b\b");
    text_free(&out);
}

namespace {

Strings split_read(const char* line, const char* ifs, size_t count, const char* quoted_mask = nullptr)
{
    std::string quoted = quoted_mask ? std::string(quoted_mask) : std::string(strlen(line), '\0');
    for (char& q : quoted)
        q = q == 'q' ? 1 : q == '\0' ? 0 : q == '.' ? 0 : q;
    std::vector<char*> values(count);
    split_for_read(line, quoted.c_str(), ifs, values.data(), count);
    Strings out;
    for (char* value : values) {
        out.push_back(value);
        free(value);
    }
    return out;
}

} // namespace

TEST_CASE("sh read: splitting a line into variables")
{
    CHECK(split_read("  a  b   c d  ", " \t\n", 3) == Strings { "a", "b", "c d" });
    CHECK(split_read("a b", " \t\n", 4) == Strings { "a", "b", "", "" });
    CHECK(split_read("  whole line  ", " \t\n", 1) == Strings { "whole line" });
    CHECK(split_read("a:b::c", ":", 4) == Strings { "a", "b", "", "c" });
    CHECK(split_read("a b", " ", 2, ".q.") == Strings { "a b", "" }); // a quoted blank does not separate
}

namespace {

long arithmetic(const char* text, const variables* vars = nullptr)
{
    variables none {};
    long value = 0;
    char message[128];
    INFO(text);
    REQUIRE(evaluate_arithmetic(text, vars ? vars : &none, &value, message, sizeof message) == 0);
    return value;
}

std::string arithmetic_error(const char* text)
{
    variables none {};
    long value = 0;
    char message[128];
    INFO(text);
    REQUIRE(evaluate_arithmetic(text, &none, &value, message, sizeof message) == -1);
    return message;
}

} // namespace

TEST_CASE("sh arithmetic: C's operators and precedence over long")
{
    CHECK(arithmetic("1 + 2 * 3") == 7);
    CHECK(arithmetic("(1 + 2) * 3") == 9);
    CHECK(arithmetic("10 - 4 - 3") == 3); // left-associative
    CHECK(arithmetic("100 / 10 / 5") == 2);
    CHECK(arithmetic("-7 / 2") == -3);
    CHECK(arithmetic("-7 % 3") == -1);
    CHECK(arithmetic("1 << 10 >> 2") == 256);
    CHECK(arithmetic("3 < 4 == 1") == 1);
    CHECK(arithmetic("5 & 3 | 8 ^ 1") == 9);
    CHECK(arithmetic("1 && 0 || 2") == 1);
    CHECK(arithmetic("!0 + ~0 + -(-4)") == 4);
    CHECK(arithmetic("0x1f + 017 + 9") == 31 + 15 + 9);
    CHECK(arithmetic("  ") == 0);
    CHECK(arithmetic("9223372036854775807 + 1") == LONG_MIN); // wraps, no undefined behaviour
    variables vars {};
    REQUIRE(variables_set(&vars, "n", "41", false) == 0);
    REQUIRE(variables_set(&vars, "empty", "", false) == 0);
    CHECK(arithmetic("n + 1 + unset + empty", &vars) == 42);
    REQUIRE(variables_set(&vars, "word", "abc", false) == 0);
    long value;
    char message[128];
    CHECK(evaluate_arithmetic("word + 1", &vars, &value, message, sizeof message) == -1);
    variables_free(&vars);
}

TEST_CASE("sh arithmetic: errors")
{
    CHECK(arithmetic_error("1 / 0") == "arithmetic: division by zero");
    CHECK(arithmetic_error("1 % 0") == "arithmetic: division by zero");
    CHECK(arithmetic_error("(1 + 2") == "arithmetic: missing )");
    CHECK(arithmetic_error("1 +") == "arithmetic: operand expected");
    CHECK(arithmetic_error("1 2") == "arithmetic: unexpected character");
    CHECK(arithmetic_error("09") == "arithmetic: bad number");
    CHECK(arithmetic_error("1 $ 2") == "arithmetic: unexpected character");
}

TEST_CASE("sh expansion: $((...)) expands parameters first")
{
    Environment e { "6" };
    e.set("x", "7");
    CHECK(e.single("$((x * $1))") == "42");
    CHECK(e.single("\"$(( (1 + 2) * 3 ))\"") == "9");
    CHECK(e.expand({ "$((-1))" }) == Strings { "-1" });
    char message[128];
    CHECK(expand_word(&e.env, "$((1/0))", message, sizeof message) == nullptr);
    CHECK(std::string(message) == "arithmetic: division by zero");
}
