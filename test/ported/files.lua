-- The ported Lua 5.4 on its C library: files (write, read back, io.lines,
-- seek, rename, remove, tmpname), number formatting, sorting, string
-- patterns, time and dates, errors caught by pcall. One line per check,
-- "files.lua: PASS <name>" or "files.lua: FAIL <name> (<why>)", then
-- "files.lua: done <n> failed", and "lua files ok" only if none failed.
--
--   lua files.lua [folder]     (folder for the scratch files, default /tmp)

local folder = arg and arg[1] or "/tmp"
local failed, ran = 0, 0

local function check(name, ok, why)
  ran = ran + 1
  if ok then
    print("files.lua: PASS " .. name)
  else
    failed = failed + 1
    print("files.lua: FAIL " .. name .. " (" .. tostring(why) .. ")")
  end
end

-- Runs `body` as a check: a Lua error inside it is a failure, not a crash.
local function test(name, body)
  local ok, result, why = pcall(body)
  if not ok then
    check(name, false, "error: " .. tostring(result))
  else
    check(name, result, why)
  end
end

local path = folder .. "/lua-files-" .. tostring(os.time()) .. ".txt"
local lines = {}
for i = 1, 200 do
  lines[i] = string.format("line %03d: %s", i, string.rep(string.char(97 + i % 26), i % 17))
end

test("write_file", function()
  local file = assert(io.open(path, "w"))
  for _, line in ipairs(lines) do assert(file:write(line, "\n")) end
  assert(file:close())
  return true
end)

test("read_whole_file", function()
  local file = assert(io.open(path, "r"))
  local text = file:read("a")
  file:close()
  local expected = table.concat(lines, "\n") .. "\n"
  return text == expected, string.format("read %d bytes, expected %d", #text, #expected)
end)

test("io_lines", function()
  local count, mismatch = 0, nil
  for line in io.lines(path) do
    count = count + 1
    if line ~= lines[count] and not mismatch then mismatch = count end
  end
  return count == #lines and not mismatch, string.format("%d lines, first mismatch %s", count, mismatch)
end)

test("seek_and_read_numbers", function()
  local file = assert(io.open(path, "r"))
  local size = file:seek("end")
  assert(file:seek("set", 5))
  local number = file:read("n")
  local position = file:seek("cur")
  file:close()
  local expected = #table.concat(lines, "\n") + 1
  return size == expected and number == 1 and position == 8,
    string.format("size %s number %s position %s", size, number, position)
end)

test("append_mode", function()
  local file = assert(io.open(path, "a"))
  file:write("appended\n")
  file:close()
  local last
  for line in io.lines(path) do last = line end
  return last == "appended", "last line " .. tostring(last)
end)

test("rename_and_remove", function()
  local renamed = path .. ".renamed"
  assert(os.rename(path, renamed))
  local gone = io.open(path, "r")
  if gone then gone:close() end
  local there = io.open(renamed, "r")
  local exists = there ~= nil
  if there then there:close() end
  assert(os.remove(renamed))
  local still = io.open(renamed, "r")
  if still then still:close() end
  return gone == nil and exists and still == nil, "rename or remove did not take effect"
end)

test("open_missing_file_fails", function()
  local file, message, code = io.open(folder .. "/no/such/file", "r")
  return file == nil and type(message) == "string" and code == 2,
    "got " .. tostring(message) .. " code " .. tostring(code)
end)

test("tmpname", function()
  local name = os.tmpname()
  local file = assert(io.open(name, "w"))
  file:write("x")
  file:close()
  local ok = os.remove(name)
  return type(name) == "string" and #name > 0 and ok, "tmpname " .. tostring(name)
end)

test("string_format_floats", function()
  local got = {
    string.format("%.3f", 1 / 3),
    string.format("%5.1f|%-6.2f|", 2.25, -0.5),
    string.format("%e", 12345.678),
    string.format("%g %g %g", 0.0001, 1e20, 100),
    string.format("%.14g", math.pi),
    string.format("%a", 1.0),
    tostring(1e100), tostring(-0.0), tostring(2^53), tostring(7 // 2), tostring(7 / 2),
    string.format("%d %5d %-5d| %x %X %o", 42, -7, 3, 255, 255, 8),
    string.format("%q", 0.1),
  }
  local expected = {
    "0.333", "  2.2|-0.50 |", "1.234568e+04", "0.0001 1e+20 100", "3.1415926535898",
    "0x1p+0", "1e+100", "-0.0", "9.007199254741e+15", "3", "3.5",
    "42    -7 3    | ff FF 10", "0x1.999999999999ap-4",
  }
  for i = 1, #expected do
    if got[i] ~= expected[i] then
      return false, string.format("#%d: got '%s', expected '%s'", i, got[i], expected[i])
    end
  end
  return true
end)

test("numbers_from_strings", function()
  return tonumber("0x10") == 16 and tonumber("  1.5e3 ") == 1500 and tonumber("1e") == nil
    and math.type(tonumber("10")) == "integer" and math.type(tonumber("10.0")) == "float"
    and math.floor(-2.5) == -3 and math.abs(math.sqrt(2) ^ 2 - 2) < 1e-12
    and math.abs(math.sin(math.pi / 6) - 0.5) < 1e-12 and math.fmod(7, 3) == 1,
    "a conversion or a math function is wrong"
end)

test("table_sort", function()
  local values = {}
  local seed = 12345
  for i = 1, 500 do
    seed = (seed * 1103515245 + 12345) % 2147483648
    values[i] = seed % 1000
  end
  table.sort(values)
  for i = 2, #values do
    if values[i - 1] > values[i] then return false, "not ascending at " .. i end
  end
  local words = {"pear", "apple", "fig", "banana"}
  table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
  return table.concat(words, ",") == "fig,pear,apple,banana", table.concat(words, ",")
end)

test("string_patterns", function()
  local date = "2026-12-01"
  local y, m, d = date:match("^(%d+)-(%d+)-(%d+)$")
  local words = {}
  for word in ("the quick  brown fox"):gmatch("%a+") do words[#words + 1] = word end
  local replaced, count = ("hello world"):gsub("o", "0")
  local swapped = ("key=value"):gsub("(%w+)=(%w+)", "%2=%1")
  local start, finish = ("find [me] here"):find("[me]", 1, true)
  return y == "2026" and m == "12" and d == "01" and #words == 4 and words[3] == "brown"
    and replaced == "hell0 w0rld" and count == 2 and swapped == "value=key"
    and start == 6 and finish == 9 and ("  trim  "):match("^%s*(.-)%s*$") == "trim"
    and ("%d"):rep(3, ",") == "%d,%d,%d" and ("abc"):upper() == "ABC",
    "a pattern gave the wrong answer"
end)

test("os_time_and_date", function()
  local now = os.time()
  local epoch = os.date("!%Y-%m-%d %H:%M:%S", 0)
  local leap = os.time({year = 2024, month = 2, day = 29, hour = 12, min = 30, sec = 15})
  local back = os.date("*t", leap)
  local utc = os.date("!*t", 86400 * 365)
  local later = os.time({year = 2024, month = 3, day = 1, hour = 12, min = 30, sec = 15})
  return math.type(now) == "integer" and now > 1577836800          -- after 2020: a real clock
    and epoch == "1970-01-01 00:00:00"
    and back.year == 2024 and back.month == 2 and back.day == 29 and back.hour == 12
    and back.min == 30 and back.sec == 15 and back.wday == 5 and back.yday == 60
    and utc.year == 1971 and utc.month == 1 and utc.day == 1
    and os.difftime(later, leap) == 86400
    and os.date("!%A %B %j", 0) == "Thursday January 001"
    and type(os.clock()) == "number",
    string.format("now %s epoch %s", now, epoch)
end)

test("pcall_catches_errors", function()
  local ok, message = pcall(error, "boom")
  local ok2, table_error = pcall(error, {code = 7})
  local ok3, runtime = pcall(function() local t = nil; return t.field end)
  local ok4, value = pcall(function(a, b) return a + b end, 2, 3)
  local handled = select(2, xpcall(function() error("deep", 0) end, function(m) return "handled " .. m end))
  return not ok and message:find("boom") and not ok2 and table_error.code == 7
    and not ok3 and runtime:find("attempt to index") and ok4 and value == 5
    and handled == "handled deep",
    "an error was not caught as expected"
end)

test("environment", function()
  local path_variable = os.getenv("PATH")
  return os.getenv("NO_SUCH_VARIABLE_HERE") == nil and (path_variable == nil or type(path_variable) == "string"),
    "getenv"
end)

print(string.format("files.lua: done %d failed", failed))
if failed == 0 and ran > 0 then
  print("lua files ok")
end
os.exit(failed == 0)
