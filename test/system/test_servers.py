"""The system's servers on the real kernel: proc (process bookkeeping),
started by proctest playing pid 1 with proc's service port as its
bootstrap receive right; children registered with Child, their exit
statuses, faults and kills read through Wait, groups, the process list,
and bad requests refused."""
from programs import run_programs


def run(qemu, results):
    run_programs(qemu, results, "servers: proc", ["proctest"], "proctest", 30, [
        ("a child knows its ids", r"exiter: PASS child_knows_its_ids"),
        ("a child reports its exit", r"exiter: PASS exit_reported"),
        ("proc refuses a bootstrap port that is not a receive right",
         r"proc-wrong: error: the bootstrap port must be a receive right"),
        ("and ends with status 1", r"task: proc-wrong ended with status 1"),
        ("the exiting child ended with its status", r"task: exiter ended with status 7"),
        ("the sleeper was killed", r"task: sleeper ended with status 9"),
    ])
