/* task.c: the one place mixdown forks. A task's child runs one piece of work beside the parent
 * (on another core: the stages after planning share nothing), holds every message it reports,
 * and at its end sends them back through a pipe with their counts. The parent shows them when
 * it chooses, so messages come out in the pipeline's order whatever the timing. */
#define _GNU_SOURCE
#include "task.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

/* A work's result as its child's exit status, and that status back as the result: 0 is
 * success to the system, and 1 what a library's exit on an error gives, so the two swap. */
static int swap_success(int n)
{
	return n == 0 ? 1 : n == 1 ? 0 : n;
}

/* In the child: drops what the parent held, holds this child's messages, runs the work and
 * sends back what it reported: the tally, then the text. Never returns. */
/* Set in a task's child: its process ends with the work. */
static int in_child;

int task_in_child(void)
{
	return in_child;
}

static void run_child(int fd, task_work work, void *data, struct diag *d)
{
	struct diag_tally before;
	char *text;
	size_t len;

	in_child = 1;
	diag_release(d, 0);
	before = d->tally;
	diag_hold(d);
	int result = work(data, d);
	struct diag_tally reported;
	diag_tally_since(d, &before, &reported);
	diag_take_held(d, &text, &len);
	write_all(fd, &reported, sizeof reported);
	write_all(fd, text, len);
	_exit(swap_success(result) & 0x7f);
}

void task_run(struct task *t, task_work work, void *data, struct diag *d)
{
	memset(t, 0, sizeof *t);
	t->pipe = -1;
	t->result = work(data, d);
	t->ok = t->result == 1;
}

int task_running(const struct task *t)
{
	return t->pid > 0;
}

void task_start(struct task *t, task_work work, void *data, struct diag *d)
{
	int fds[2];
	pid_t pid = -1;

	fflush(NULL);
	if (pipe(fds) == 0) {
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			run_child(fds[1], work, data, d);
		}
		close(fds[1]);
		if (pid < 0)
			close(fds[0]);
	}
	if (pid < 0) {
		task_run(t, work, data, d);
		return;
	}
	memset(t, 0, sizeof *t);
	t->pid = pid;
	t->pipe = fds[0];
}

/* Reads the child's tally and messages until it closes the pipe. */
static void read_report(struct task *t)
{
	char chunk[4096];
	FILE *text = open_memstream(&t->text, &t->len);
	size_t have = 0;
	ssize_t n;

	while ((n = read(t->pipe, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		size_t skip = 0;
		for (; have < sizeof t->tally && skip < (size_t)n; have++, skip++)
			((char *)&t->tally)[have] = chunk[skip];
		if (text != NULL)
			fwrite(chunk + skip, 1, (size_t)n - skip, text);
	}
	if (text != NULL)
		fclose(text);
	if (have < sizeof t->tally)
		memset(&t->tally, 0, sizeof t->tally);
	close(t->pipe);
	t->pipe = -1;
}

int task_finish(struct task *t)
{
	int status;

	if (t->pid <= 0)
		return t->ok;
	read_report(t);
	while (waitpid(t->pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	t->pid = 0;
	status = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	t->result = swap_success(status);
	t->ok = t->result == 1;
	return t->ok;
}

void task_show(struct task *t, struct diag *d, int show)
{
	if (show && t->text != NULL)
		diag_merge(d, &t->tally, t->text, t->len);
	free(t->text);
	t->text = NULL;
	t->len = 0;
}
