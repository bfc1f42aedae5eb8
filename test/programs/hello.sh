#!/test/servertest --interpreter
This script is read by its interpreter.
