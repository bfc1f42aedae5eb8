#include "parser.h"

#include "lexer.h"
#include "memory.h"
#include "variables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
    const struct token *tokens;
    size_t position;
    enum parse_status status;
    char *message;
    size_t message_size;
};

static const struct token *current(const struct parser *parser) { return &parser->tokens[parser->position]; }

static void advance(struct parser *parser)
{
    if (current(parser)->kind != TOKEN_END)
        ++parser->position;
}

static const char *token_spelling(const struct token *token)
{
    static const char *const spellings[] = {
        [TOKEN_WORD] = "word",
        [TOKEN_NEWLINE] = "newline",
        [TOKEN_SEMICOLON] = ";",
        [TOKEN_AMPERSAND] = "&",
        [TOKEN_PIPE] = "|",
        [TOKEN_AND_IF] = "&&",
        [TOKEN_OR_IF] = "||",
        [TOKEN_LESS] = "<",
        [TOKEN_GREAT] = ">",
        [TOKEN_DGREAT] = ">>",
        [TOKEN_LESSGREAT] = "<>",
        [TOKEN_GREATAND] = ">&",
        [TOKEN_LESSAND] = "<&",
        [TOKEN_LPAREN] = "(",
        [TOKEN_RPAREN] = ")",
        [TOKEN_DSEMI] = ";;",
        [TOKEN_DLESS] = "<<",
        [TOKEN_DLESSDASH] = "<<-",
        [TOKEN_END] = "end of file",
    };
    return token->kind == TOKEN_WORD ? token->text : spellings[token->kind];
}

// Records a failure at the current token: at the end of the text the
// construct is merely unfinished, anywhere else it is a syntax error.
static void fail(struct parser *parser)
{
    if (parser->status != PARSE_OK)
        return;
    const struct token *token = current(parser);
    if (token->kind == TOKEN_END) {
        parser->status = PARSE_INCOMPLETE;
        return;
    }
    parser->status = PARSE_ERROR;
    snprintf(parser->message, parser->message_size, "syntax error near '%s'", token_spelling(token));
}

// Whether the current token is the unquoted word `word` (a reserved word
// counts only where a command could start).
static int at_word(const struct parser *parser, const char *word)
{
    const struct token *token = current(parser);
    return token->kind == TOKEN_WORD && strcmp(token->text, word) == 0;
}

// Whether the current token ends a list inside a compound command: a
// reserved word that continues or closes it, ")" or ";;".
static int at_list_end(const struct parser *parser)
{
    static const char *const terminators[] = { "then", "else", "elif", "fi", "do", "done", "}", "esac" };
    enum token_kind kind = current(parser)->kind;
    if (kind == TOKEN_RPAREN || kind == TOKEN_DSEMI)
        return 1;
    for (size_t i = 0; i < sizeof terminators / sizeof terminators[0]; ++i)
        if (at_word(parser, terminators[i]))
            return 1;
    return 0;
}

static void skip_newlines(struct parser *parser)
{
    while (current(parser)->kind == TOKEN_NEWLINE)
        advance(parser);
}

static int expect_word(struct parser *parser, const char *word)
{
    skip_newlines(parser);
    if (!at_word(parser, word)) {
        fail(parser);
        return 0;
    }
    advance(parser);
    return 1;
}

static void push_string(char ***array, size_t *count, size_t *capacity, char *string)
{
    *array = sh_grow(*array, capacity, *count + 1, sizeof **array);
    (*array)[(*count)++] = string;
}

static struct list *parse_list(struct parser *parser, int inside_compound);
static struct list *parse_list_items(struct parser *parser, int inside_compound, int allow_empty);
static struct command *parse_command(struct parser *parser);

static int is_redirection(enum token_kind kind)
{
    return kind == TOKEN_LESS || kind == TOKEN_GREAT || kind == TOKEN_DGREAT || kind == TOKEN_LESSGREAT
        || kind == TOKEN_GREATAND || kind == TOKEN_LESSAND || kind == TOKEN_DLESS || kind == TOKEN_DLESSDASH;
}

static int parse_redirect(struct parser *parser, struct command *command, size_t *capacity)
{
    const struct token *op = current(parser);
    static const struct {
        enum redirect_kind kind;
        int default_fd;
    } meanings[] = {
        [TOKEN_LESS] = { REDIRECT_INPUT, 0 },
        [TOKEN_GREAT] = { REDIRECT_OUTPUT, 1 },
        [TOKEN_DGREAT] = { REDIRECT_APPEND, 1 },
        [TOKEN_LESSGREAT] = { REDIRECT_READ_WRITE, 0 },
        [TOKEN_GREATAND] = { REDIRECT_DUP_OUTPUT, 1 },
        [TOKEN_LESSAND] = { REDIRECT_DUP_INPUT, 0 },
        [TOKEN_DLESS] = { REDIRECT_HEREDOC, 0 },
        [TOKEN_DLESSDASH] = { REDIRECT_HEREDOC, 0 },
    };
    struct redirect redirect = { meanings[op->kind].kind,
        op->io_number >= 0 ? op->io_number : meanings[op->kind].default_fd, NULL, NULL, false };
    advance(parser);
    if (current(parser)->kind != TOKEN_WORD) {
        if (current(parser)->kind == TOKEN_END) // "echo >" at the end is an error, not a continuation
            parser->status = PARSE_ERROR,
            snprintf(parser->message, parser->message_size, "syntax error: missing redirection target");
        else
            fail(parser);
        return 0;
    }
    redirect.target = sh_strdup(current(parser)->text);
    if (redirect.kind == REDIRECT_HEREDOC) {
        if (!current(parser)->heredoc) { // the lexer keeps at most 16 per line
            free(redirect.target);
            parser->status = PARSE_ERROR;
            snprintf(parser->message, parser->message_size, "too many here-documents on one line");
            return 0;
        }
        redirect.heredoc = sh_strdup(current(parser)->heredoc);
        redirect.heredoc_expand = !current(parser)->heredoc_quoted;
    }
    advance(parser);
    command->redirects = sh_grow(command->redirects, capacity, command->redirect_count + 1, sizeof *command->redirects);
    command->redirects[command->redirect_count++] = redirect;
    return 1;
}

static int is_assignment(const char *word)
{
    if (!(word[0] == '_' || (word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z')))
        return 0;
    for (const char *p = word + 1; *p; ++p) {
        if (*p == '=')
            return 1;
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    }
    return 0;
}

static struct command *new_command(enum command_kind kind)
{
    struct command *command = sh_malloc(sizeof *command);
    memset(command, 0, sizeof *command);
    command->kind = kind;
    return command;
}

static int parse_redirects_after(struct parser *parser, struct command *command)
{
    size_t capacity = command->redirect_count;
    while (is_redirection(current(parser)->kind))
        if (!parse_redirect(parser, command, &capacity))
            return 0;
    return 1;
}

static struct command *parse_simple(struct parser *parser)
{
    struct command *command = new_command(COMMAND_SIMPLE);
    size_t word_capacity = 0, assignment_capacity = 0, redirect_capacity = 0;
    for (;;) {
        const struct token *token = current(parser);
        if (token->kind == TOKEN_WORD) {
            if (command->word_count == 0 && is_assignment(token->text))
                push_string(
                    &command->assignments, &command->assignment_count, &assignment_capacity, sh_strdup(token->text));
            else
                push_string(&command->words, &command->word_count, &word_capacity, sh_strdup(token->text));
            advance(parser);
        } else if (is_redirection(token->kind)) {
            if (!parse_redirect(parser, command, &redirect_capacity)) {
                command_free(command);
                return NULL;
            }
        } else {
            break;
        }
    }
    if (command->word_count == 0 && command->assignment_count == 0 && command->redirect_count == 0) {
        fail(parser);
        command_free(command);
        return NULL;
    }
    return command;
}

// if list then list (elif list then list)* [else list] fi
static struct command *parse_if(struct parser *parser)
{
    struct command *command = new_command(COMMAND_IF);
    advance(parser); // "if" or "elif"
    if (!(command->condition = parse_list(parser, 1)) || !expect_word(parser, "then")
        || !(command->body = parse_list(parser, 1)))
        goto failed;
    if (at_word(parser, "elif")) {
        struct command *nested = parse_if(parser); // consumes the closing "fi"
        if (!nested)
            goto failed;
        command->else_body = sh_malloc(sizeof *command->else_body);
        command->else_body->count = 1;
        command->else_body->items = sh_malloc(sizeof *command->else_body->items);
        struct and_or *and_or = command->else_body->items[0] = sh_malloc(sizeof *and_or);
        memset(and_or, 0, sizeof *and_or);
        and_or->count = 1;
        and_or->pipelines = sh_malloc(sizeof *and_or->pipelines);
        and_or->pipelines[0] = sh_malloc(sizeof *and_or->pipelines[0]);
        and_or->pipelines[0]->count = 1;
        and_or->pipelines[0]->negated = false;
        and_or->pipelines[0]->commands = sh_malloc(sizeof *and_or->pipelines[0]->commands);
        and_or->pipelines[0]->commands[0] = nested;
        return command;
    }
    if (at_word(parser, "else")) {
        advance(parser);
        if (!(command->else_body = parse_list(parser, 1)))
            goto failed;
    }
    if (!expect_word(parser, "fi"))
        goto failed;
    return command;
failed:
    command_free(command);
    return NULL;
}

// while|until list do list done
static struct command *parse_loop(struct parser *parser, enum command_kind kind)
{
    struct command *command = new_command(kind);
    advance(parser);
    if (!(command->condition = parse_list(parser, 1)) || !expect_word(parser, "do")
        || !(command->body = parse_list(parser, 1)) || !expect_word(parser, "done")) {
        command_free(command);
        return NULL;
    }
    return command;
}

// for name [in word...] (";" | newline) do list done
static struct command *parse_for(struct parser *parser)
{
    struct command *command = new_command(COMMAND_FOR);
    advance(parser);
    if (current(parser)->kind != TOKEN_WORD || strchr(current(parser)->text, '=')) {
        fail(parser);
        goto failed;
    }
    command->variable = sh_strdup(current(parser)->text);
    advance(parser);
    skip_newlines(parser);
    if (at_word(parser, "in")) {
        size_t capacity = 0;
        command->has_items = true;
        advance(parser);
        while (current(parser)->kind == TOKEN_WORD) {
            push_string(&command->items, &command->item_count, &capacity, sh_strdup(current(parser)->text));
            advance(parser);
        }
    }
    if (current(parser)->kind == TOKEN_SEMICOLON)
        advance(parser);
    if (!expect_word(parser, "do") || !(command->body = parse_list(parser, 1)) || !expect_word(parser, "done"))
        goto failed;
    return command;
failed:
    command_free(command);
    return NULL;
}

// ( list ) and { list; }
static struct command *parse_grouping(struct parser *parser, enum command_kind kind)
{
    struct command *command = new_command(kind);
    advance(parser);
    if (!(command->body = parse_list(parser, 1)))
        goto failed;
    if (kind == COMMAND_SUBSHELL) {
        skip_newlines(parser);
        if (current(parser)->kind != TOKEN_RPAREN) {
            fail(parser);
            goto failed;
        }
        advance(parser);
    } else if (!expect_word(parser, "}")) {
        goto failed;
    }
    return command;
failed:
    command_free(command);
    return NULL;
}

static void push_case_item(struct command *command, size_t *capacity, struct case_item item)
{
    command->case_items = sh_grow(command->case_items, capacity, command->case_item_count + 1, sizeof item);
    command->case_items[command->case_item_count++] = item;
}

// case word in [(]pattern[|pattern...]) list ;; ... esac
static struct command *parse_case(struct parser *parser)
{
    struct command *command = new_command(COMMAND_CASE);
    size_t capacity = 0;
    advance(parser);
    if (current(parser)->kind != TOKEN_WORD) {
        fail(parser);
        goto failed;
    }
    command->variable = sh_strdup(current(parser)->text);
    advance(parser);
    if (!expect_word(parser, "in"))
        goto failed;
    for (;;) {
        skip_newlines(parser);
        if (at_word(parser, "esac")) {
            advance(parser);
            return command;
        }
        if (current(parser)->kind == TOKEN_LPAREN)
            advance(parser);
        struct case_item item = { NULL, 0, NULL };
        size_t pattern_capacity = 0;
        for (;;) {
            if (current(parser)->kind != TOKEN_WORD) {
                fail(parser);
                break;
            }
            push_string(&item.patterns, &item.pattern_count, &pattern_capacity, sh_strdup(current(parser)->text));
            advance(parser);
            if (current(parser)->kind != TOKEN_PIPE)
                break;
            advance(parser);
        }
        if (parser->status == PARSE_OK && current(parser)->kind == TOKEN_RPAREN) {
            advance(parser);
            item.body = parse_list_items(parser, 1, 1);
        } else {
            fail(parser);
        }
        push_case_item(command, &capacity, item); // freed with the command, even when incomplete
        if (!item.body)
            goto failed;
        if (current(parser)->kind == TOKEN_DSEMI)
            advance(parser);
        else if (!at_word(parser, "esac")) {
            fail(parser);
            goto failed;
        }
    }
failed:
    command_free(command);
    return NULL;
}

static int at_compound_start(const struct parser *parser)
{
    static const char *const starts[] = { "{", "if", "while", "until", "for", "case" };
    if (current(parser)->kind == TOKEN_LPAREN)
        return 1;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; ++i)
        if (at_word(parser, starts[i]))
            return 1;
    return 0;
}

// name ( ) compound-command
static struct command *parse_function(struct parser *parser)
{
    struct command *command = new_command(COMMAND_FUNCTION);
    command->variable = sh_strdup(current(parser)->text);
    advance(parser);
    advance(parser);
    if (current(parser)->kind != TOKEN_RPAREN) {
        fail(parser);
        goto failed;
    }
    advance(parser);
    skip_newlines(parser);
    if (!at_compound_start(parser)) { // the body is a compound command, as POSIX says
        fail(parser);
        goto failed;
    }
    if (!(command->function_body = parse_command(parser)))
        goto failed;
    return command;
failed:
    command_free(command);
    return NULL;
}

static int at_function_definition(const struct parser *parser)
{
    const struct token *token = current(parser);
    return token->kind == TOKEN_WORD && token[1].kind == TOKEN_LPAREN
        && variable_name_valid(token->text, strlen(token->text));
}

static struct command *parse_command(struct parser *parser)
{
    struct command *command;
    if (at_function_definition(parser))
        return parse_function(parser);
    if (current(parser)->kind == TOKEN_LPAREN)
        command = parse_grouping(parser, COMMAND_SUBSHELL);
    else if (at_word(parser, "{"))
        command = parse_grouping(parser, COMMAND_GROUP);
    else if (at_word(parser, "case"))
        command = parse_case(parser);
    else if (at_word(parser, "if"))
        command = parse_if(parser);
    else if (at_word(parser, "while"))
        command = parse_loop(parser, COMMAND_WHILE);
    else if (at_word(parser, "until"))
        command = parse_loop(parser, COMMAND_UNTIL);
    else if (at_word(parser, "for"))
        command = parse_for(parser);
    else if (at_list_end(parser)) {
        fail(parser);
        return NULL;
    } else
        return parse_simple(parser);
    if (command && !parse_redirects_after(parser, command)) {
        command_free(command);
        return NULL;
    }
    return command;
}

static struct pipeline *parse_pipeline(struct parser *parser)
{
    struct pipeline *pipeline = sh_malloc(sizeof *pipeline);
    memset(pipeline, 0, sizeof *pipeline);
    size_t capacity = 0;
    if (at_word(parser, "!")) {
        pipeline->negated = true;
        advance(parser);
    }
    for (;;) {
        struct command *command = parse_command(parser);
        if (!command) {
            pipeline_free(pipeline);
            return NULL;
        }
        pipeline->commands = sh_grow(pipeline->commands, &capacity, pipeline->count + 1, sizeof *pipeline->commands);
        pipeline->commands[pipeline->count++] = command;
        if (current(parser)->kind != TOKEN_PIPE)
            return pipeline;
        advance(parser);
        skip_newlines(parser);
    }
}

static struct and_or *parse_and_or(struct parser *parser)
{
    struct and_or *and_or = sh_malloc(sizeof *and_or);
    memset(and_or, 0, sizeof *and_or);
    size_t capacity = 0, operator_capacity = 0;
    for (;;) {
        struct pipeline *pipeline = parse_pipeline(parser);
        if (!pipeline) {
            and_or_free(and_or);
            return NULL;
        }
        and_or->pipelines = sh_grow(and_or->pipelines, &capacity, and_or->count + 1, sizeof *and_or->pipelines);
        and_or->pipelines[and_or->count++] = pipeline;
        enum token_kind kind = current(parser)->kind;
        if (kind != TOKEN_AND_IF && kind != TOKEN_OR_IF)
            return and_or;
        and_or->operators = sh_grow(and_or->operators, &operator_capacity, and_or->count, sizeof *and_or->operators);
        and_or->operators[and_or->count - 1] = kind == TOKEN_AND_IF ? AND_IF : OR_IF;
        advance(parser);
        skip_newlines(parser);
    }
}

// A list ends at the end of the text or, inside a compound command, at the
// reserved word that continues it (then, else, fi, do, done...).
static struct list *parse_list(struct parser *parser, int inside_compound)
{
    return parse_list_items(parser, inside_compound, 0);
}

static struct list *parse_list_items(struct parser *parser, int inside_compound, int allow_empty)
{
    struct list *list = sh_malloc(sizeof *list);
    memset(list, 0, sizeof *list);
    size_t capacity = 0;
    for (;;) {
        skip_newlines(parser);
        if (current(parser)->kind == TOKEN_END) {
            if (inside_compound)
                goto failed;
            return list;
        }
        if (inside_compound && at_list_end(parser))
            break;
        struct and_or *and_or = parse_and_or(parser);
        if (!and_or)
            goto failed;
        list->items = sh_grow(list->items, &capacity, list->count + 1, sizeof *list->items);
        list->items[list->count++] = and_or;
        enum token_kind kind = current(parser)->kind;
        if (kind == TOKEN_AMPERSAND)
            and_or->background = true;
        if (kind == TOKEN_AMPERSAND || kind == TOKEN_SEMICOLON || kind == TOKEN_NEWLINE)
            advance(parser);
        else if (kind != TOKEN_END && !(inside_compound && at_list_end(parser)))
            goto failed;
    }
    if (list->count == 0 && !allow_empty) // "if then", "do done": an empty list is a syntax error
        goto failed;
    return list;
failed:
    fail(parser);
    list_free(list);
    return NULL;
}

enum parse_status parse(const char *text, struct list **list, char *message, size_t message_size)
{
    *list = NULL;
    if (message_size)
        message[0] = '\0';
    struct token_list tokens = { 0 };
    if (lex(text, &tokens) == LEX_INCOMPLETE) {
        tokens_free(&tokens);
        return PARSE_INCOMPLETE;
    }
    struct parser parser = { tokens.items, 0, PARSE_OK, message, message_size };
    struct list *result = parse_list(&parser, 0);
    tokens_free(&tokens);
    if (parser.status != PARSE_OK) {
        list_free(result);
        return parser.status;
    }
    *list = result;
    return PARSE_OK;
}
