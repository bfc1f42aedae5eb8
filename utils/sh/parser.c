#include "parser.h"

#include "lexer.h"
#include "memory.h"

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

static const struct token *current(const struct parser *parser)
{
    return &parser->tokens[parser->position];
}

static void advance(struct parser *parser)
{
    if (current(parser)->kind != TOKEN_END)
        ++parser->position;
}

static const char *token_spelling(const struct token *token)
{
    static const char *const spellings[] = {
        [TOKEN_WORD] = "word", [TOKEN_NEWLINE] = "newline", [TOKEN_SEMICOLON] = ";", [TOKEN_AMPERSAND] = "&",
        [TOKEN_PIPE] = "|", [TOKEN_AND_IF] = "&&", [TOKEN_OR_IF] = "||", [TOKEN_LESS] = "<", [TOKEN_GREAT] = ">",
        [TOKEN_DGREAT] = ">>", [TOKEN_LESSGREAT] = "<>", [TOKEN_GREATAND] = ">&", [TOKEN_LESSAND] = "<&",
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

static int at_reserved_terminator(const struct parser *parser)
{
    static const char *const terminators[] = { "then", "else", "elif", "fi", "do", "done" };
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

static int is_redirection(enum token_kind kind)
{
    return kind == TOKEN_LESS || kind == TOKEN_GREAT || kind == TOKEN_DGREAT || kind == TOKEN_LESSGREAT ||
           kind == TOKEN_GREATAND || kind == TOKEN_LESSAND;
}

static int parse_redirect(struct parser *parser, struct command *command, size_t *capacity)
{
    const struct token *op = current(parser);
    static const struct {
        enum redirect_kind kind;
        int default_fd;
    } meanings[] = {
        [TOKEN_LESS] = { REDIRECT_INPUT, 0 },       [TOKEN_GREAT] = { REDIRECT_OUTPUT, 1 },
        [TOKEN_DGREAT] = { REDIRECT_APPEND, 1 },    [TOKEN_LESSGREAT] = { REDIRECT_READ_WRITE, 0 },
        [TOKEN_GREATAND] = { REDIRECT_DUP_OUTPUT, 1 }, [TOKEN_LESSAND] = { REDIRECT_DUP_INPUT, 0 },
    };
    struct redirect redirect = { meanings[op->kind].kind, op->io_number >= 0 ? op->io_number : meanings[op->kind].default_fd, NULL };
    advance(parser);
    if (current(parser)->kind != TOKEN_WORD) {
        if (current(parser)->kind == TOKEN_END) // "echo >" at the end is an error, not a continuation
            parser->status = PARSE_ERROR, snprintf(parser->message, parser->message_size, "syntax error: missing redirection target");
        else
            fail(parser);
        return 0;
    }
    redirect.target = sh_strdup(current(parser)->text);
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

static void command_free(struct command *command);

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
                push_string(&command->assignments, &command->assignment_count, &assignment_capacity, sh_strdup(token->text));
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
    if (!(command->condition = parse_list(parser, 1)) || !expect_word(parser, "then") ||
        !(command->body = parse_list(parser, 1)))
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
    if (!(command->condition = parse_list(parser, 1)) || !expect_word(parser, "do") ||
        !(command->body = parse_list(parser, 1)) || !expect_word(parser, "done")) {
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

static struct command *parse_command(struct parser *parser)
{
    struct command *command;
    if (at_word(parser, "if"))
        command = parse_if(parser);
    else if (at_word(parser, "while"))
        command = parse_loop(parser, COMMAND_WHILE);
    else if (at_word(parser, "until"))
        command = parse_loop(parser, COMMAND_UNTIL);
    else if (at_word(parser, "for"))
        command = parse_for(parser);
    else if (at_reserved_terminator(parser)) {
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

static void pipeline_free(struct pipeline *pipeline);

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

static void and_or_free(struct and_or *and_or);

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
        if (inside_compound && at_reserved_terminator(parser))
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
        else if (kind != TOKEN_END && !(inside_compound && at_reserved_terminator(parser)))
            goto failed;
    }
    if (list->count == 0) // "if then", "do done": an empty list is a syntax error
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

static void strings_free(char **strings, size_t count)
{
    for (size_t i = 0; i < count; ++i)
        free(strings[i]);
    free(strings);
}

static void command_free(struct command *command)
{
    if (!command)
        return;
    strings_free(command->assignments, command->assignment_count);
    strings_free(command->words, command->word_count);
    list_free(command->condition);
    list_free(command->body);
    list_free(command->else_body);
    free(command->variable);
    strings_free(command->items, command->item_count);
    for (size_t i = 0; i < command->redirect_count; ++i)
        free(command->redirects[i].target);
    free(command->redirects);
    free(command);
}

static void pipeline_free(struct pipeline *pipeline)
{
    for (size_t i = 0; i < pipeline->count; ++i)
        command_free(pipeline->commands[i]);
    free(pipeline->commands);
    free(pipeline);
}

static void and_or_free(struct and_or *and_or)
{
    for (size_t i = 0; i < and_or->count; ++i)
        pipeline_free(and_or->pipelines[i]);
    free(and_or->pipelines);
    free(and_or->operators);
    free(and_or);
}

void list_free(struct list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; ++i)
        and_or_free(list->items[i]);
    free(list->items);
    free(list);
}
