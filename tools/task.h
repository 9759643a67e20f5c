/* task.h: work that runs in a child process beside this one, its messages held until shown. */
#ifndef MIXDOWN_TASK_H
#define MIXDOWN_TASK_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/* The work: reports through d and returns 1 when it succeeded, else 0 or another small number
 * (below 126) that says how it failed. */
typedef int (*task_work)(void *data, struct diag *d);

struct task {
	pid_t pid;                /* the child while it runs; 0 once finished or when run here */
	int pipe;                 /* the child's messages come back through it; -1 for none */
	int ok;                   /* the work succeeded */
	int result;               /* what the work returned; 0 when its child ended otherwise */
	struct diag_tally tally;  /* what the child reported */
	char *text;               /* the child's messages, as printed (malloc'd) */
	size_t len;
};

/* Runs work(data, d) in a child process that holds its messages. When no child can be
 * started the work runs here at once and its messages go straight to d. */
void task_start(struct task *t, task_work work, void *data, struct diag *d);
/* Whether this process is a task's child, which ends with its work: what the work changes
 * stays there. */
int task_in_child(void);
/* Runs work(data, d) here and now, its messages going straight to d: a task that is finished
 * once started. */
void task_run(struct task *t, task_work work, void *data, struct diag *d);
/* Is the task's child still to be waited for? */
int task_running(const struct task *t);
/* Waits for the child, if any; returns 1 when the work succeeded. */
int task_finish(struct task *t);
/* Hands a finished task's messages to d (see diag_merge) when show is true, drops them
 * otherwise; either way frees them. */
void task_show(struct task *t, struct diag *d, int show);

#endif
