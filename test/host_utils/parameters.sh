# ${name} operators: defaults, alternatives, lengths, prefix and suffix removal.
file=archive.tar.gz
echo "${file%.*} ${file%%.*} ${file#*.} ${file##*.} ${#file}"
echo "${unset:-default} ${unset-other} [${unset:+alternative}] ${file:+alternative}"
empty=
echo "[${empty:-null counts}] [${empty-set counts}] [${empty:+x}] [${empty+y}]"
set -- ${unset:-two words}; echo "unquoted default: $# fields"
set -- "${unset:-two words}"; echo "quoted default: $# field"
echo "${file%"*"}" "${file#a*c}"
path=/usr/local/bin/tool
echo "${path##*/} ${path%/*} ${path#/usr}"
echo "${unset:-$(echo from a command)}"
echo "${#unset} ${#empty}"
set -- a b c
echo "${#} ${1} ${3:-none} ${4:-none}"
echo "${required:?must be set}"
echo "not reached: a non-interactive shell ends on it"
