// Out of memory: who pays when serving a task finds no free frame.
//
// - An unprivileged task (ipc/account.h: not one the kernel started or a
//   privileged task built) that asked: its request fails, and a fault
//   kills it, as any fault it cannot survive (it asked; its memory comes back).
// - A privileged task (a server, startup, root's first program): never
//   killed for it. The unprivileged task with the most resident pages is
//   killed instead, and the privileged one's fault is tried again once
//   that task's memory is back.
// - The kernel itself: its allocations fail with no_memory, never a kill.
#pragma once

namespace kern {

class Task;

// The task_exit status of a task killed to free memory (as a shell shows 128 + SIGKILL).
constexpr int kOutOfMemoryStatus = 137;

// Called when a frame allocation failed while serving a fault of `asker`.
// True: memory was freed for it (a victim ended): try again. False: the
// asker must fail (it is unprivileged, or no task is left to kill).
// Blocks (for up to a second) while the victim ends.
bool reclaim_memory_for(Task& asker);

} // namespace kern
