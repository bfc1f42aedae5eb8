# ACPI table parsing (test_acpi_tables.cpp).
UNIT_SRCS += mach/arch/x86_64/acpi_tables.cpp
