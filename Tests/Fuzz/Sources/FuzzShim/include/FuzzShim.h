#ifndef CLASP_FUZZ_SHIM_H
#define CLASP_FUZZ_SHIM_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main (SwiftPM executables do).
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
