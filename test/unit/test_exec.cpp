// What the exec server reads without the kernel: a script's "#!" line, and
// the path, argv and envp packed into an Exec request and taken apart.
#include <catch.hpp>
#include <exec/arguments.h>

#include "../../servers/exec/script.h"

#include <cstring>
#include <string>

namespace {

Error parse(const std::string& file, exec::ScriptLine& line)
{
    return exec::parse_script_line(reinterpret_cast<const uint8_t*>(file.data()), file.size(), line);
}

} // namespace

TEST_CASE("exec: a #! line names the interpreter and at most one argument")
{
    exec::ScriptLine line;
    REQUIRE(parse("#!/bin/sh\necho hi\n", line) == Error::none);
    CHECK(std::string(line.interpreter) == "/bin/sh");
    CHECK(line.argument == nullptr);
    REQUIRE(parse("#!  /usr/bin/lua   -e  print(1)  \r\n", line) == Error::none);
    CHECK(std::string(line.interpreter) == "/usr/bin/lua");
    CHECK(std::string(line.argument) == "-e  print(1)"); // the rest of the line, as Linux passes it
    REQUIRE(parse("#!/test/x", line) == Error::none); // no newline: the file ends the line
    CHECK(std::string(line.interpreter) == "/test/x");
}

TEST_CASE("exec: a #! line that names nothing, or runs on, is refused")
{
    exec::ScriptLine line;
    CHECK_FALSE(exec::is_script(reinterpret_cast<const uint8_t*>("\x7f"
                                                                 "ELF"),
        4));
    CHECK(parse("#!\n", line) == Error::invalid_argument);
    CHECK(parse("#!    \n", line) == Error::invalid_argument);
    CHECK(parse("#", line) == Error::invalid_argument);
    CHECK(parse(std::string("#!/bin/sh\0x\n", 12), line) == Error::invalid_argument); // a NUL in the line
    CHECK(parse("#!/" + std::string(exec::kMaxScriptLine, 'a') + "\n", line) == Error::invalid_argument);
}

TEST_CASE("exec: arguments packed for a request come back as they were")
{
    const char* argv[] = { "ls", "-l", "" };
    const char* envp[] = { "PATH=/bin", "HOME=/" };
    char packed[128];
    Result<uint32_t> used = exec::pack_arguments("/bin/ls", argv, 3, envp, 2, packed, sizeof(packed));
    REQUIRE(used.ok());
    CHECK(used.value() == std::strlen("/bin/ls") + 1 + 3 + 3 + 1 + 10 + 7);
    exec::Arguments arguments;
    REQUIRE(exec::unpack_arguments(packed, used.value(), 3, 2, arguments) == Error::none);
    CHECK(std::string(arguments.path) == "/bin/ls");
    REQUIRE(arguments.argc == 3);
    CHECK(std::string(arguments.argv[1]) == "-l");
    CHECK(std::string(arguments.argv[2]) == "");
    REQUIRE(arguments.envc == 2);
    CHECK(std::string(arguments.envp[0]) == "PATH=/bin");
    CHECK(std::string(arguments.envp[1]) == "HOME=/");
    CHECK(exec::pack_arguments("/bin/ls", argv, 3, envp, 2, packed, 10).error() == Error::no_space);
}

TEST_CASE("exec: packed arguments that do not match their counts are refused")
{
    const char two[] = "/p\0a\0"; // a path and one string
    exec::Arguments arguments;
    CHECK(exec::unpack_arguments(two, 5, 1, 0, arguments) == Error::none);
    CHECK(exec::unpack_arguments(two, 5, 2, 0, arguments) == Error::invalid_argument); // fewer than it says
    CHECK(exec::unpack_arguments(two, 5, 0, 0, arguments) == Error::invalid_argument); // no argv[0]
    CHECK(exec::unpack_arguments(two, 4, 1, 0, arguments) == Error::invalid_argument); // unterminated
    const char three[] = "/p\0a\0b\0";
    CHECK(exec::unpack_arguments(three, 7, 1, 0, arguments) == Error::invalid_argument); // more than it says
    CHECK(exec::unpack_arguments(three, 7, exec::kMaxArguments, 1, arguments) == Error::invalid_argument);
}
