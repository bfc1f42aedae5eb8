/* vmposix: the memory patterns of ordinary programs that used to crash
 * through the kernel's fixed region table (issue 13, hole 1) and its 256 KiB
 * stack: malloc(8192) two hundred times and free, a thousand growing
 * setenv calls, and a recursion that uses about 7 MiB of stack (the cuts in
 * the middle of regions are test/programs/vmstress.cpp's, through vm_deallocate). Prints PASS/FAIL lines and
 * "vmposix: done N failed"; exits with N. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("vmposix: %s %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

static void many_mallocs(void)
{
    enum { kBlocks = 300 };
    static char *blocks[kBlocks];
    int ok = 1;
    for (int i = 0; i < kBlocks; i++) {
        blocks[i] = malloc(8192);
        ok = ok && blocks[i] != NULL;
        if (blocks[i])
            memset(blocks[i], i & 0xff, 8192);
    }
    for (int i = 0; i < kBlocks; i++) {
        ok = ok && (!blocks[i] || (blocks[i][0] == (char)(i & 0xff) && blocks[i][8191] == (char)(i & 0xff)));
        free(blocks[i]);
    }
    check(ok, "malloc_8192_three_hundred_times");
}

static void growing_environment(void)
{
    static char value[4096];
    int ok = 1;
    for (int i = 0; i < 1000 && ok; i++) {
        value[i % 4000] = 'a' + i % 26;
        char name[32];
        snprintf(name, sizeof(name), "VMPOSIX_%d", i % 200);
        ok = setenv(name, value, 1) == 0;
        const char *back = getenv(name);
        ok = ok && back && strcmp(back, value) == 0;
    }
    check(ok, "a_thousand_growing_setenv_calls");
}

static unsigned long recurse(unsigned long depth)
{
    volatile unsigned char frame[1000];
    frame[0] = (unsigned char)depth;
    frame[999] = (unsigned char)(depth >> 8);
    if (depth == 0)
        return 0;
    return recurse(depth - 1) + frame[0] + ((unsigned long)frame[999] << 8);
}

int main(void)
{
    many_mallocs();
    growing_environment();
    unsigned long depth = 7000; /* about 7 MiB of stack */
    check(recurse(depth) == depth * (depth + 1) / 2, "seven_mib_of_stack");
    printf("vmposix: done %d failed\n", failures);
    return failures;
}
