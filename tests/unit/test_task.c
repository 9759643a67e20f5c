/* test_task.c: work in a child process hands its messages and counts back in order, and the
 * number it returns, which says how it failed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "helpers.h"
#include "task.h"

/* Reports data as an error; succeeds unless data says "fail". */
static int report(void *data, struct diag *d)
{
	diag_report(d, NULL, D_INTERNAL, (const char *)data);
	return strcmp(data, "fail") != 0;
}

static void messages_come_back_when_shown(void **state)
{
	struct captured c;
	struct task t;

	(void)state;
	capture_start(&c);
	task_start(&t, report, "from the child", &c.diag);
	assert_true(task_running(&t));
	assert_true(task_finish(&t));
	assert_string_equal(captured_text(&c), "");
	task_show(&t, &c.diag, 1);
	assert_string_equal(captured_text(&c), "mixdown: error: internal error: from the child\n");
	assert_int_equal(c.diag.tally.count[SEV_ERROR], 1);
	assert_true(diag_failed(&c.diag));
	capture_end(&c);
}

static void a_failed_child_fails_its_task(void **state)
{
	struct captured c;
	struct task t;

	(void)state;
	capture_start(&c);
	task_start(&t, report, "fail", &c.diag);
	assert_false(task_finish(&t));
	task_show(&t, &c.diag, 0);
	assert_string_equal(captured_text(&c), "");
	capture_end(&c);
}

/* Fails in a way of its own: returns the number data points to. */
static int fail_with(void *data, struct diag *d)
{
	(void)d;
	return *(const int *)data;
}

static void the_work_s_number_comes_back(void **state)
{
	static const int numbers[] = {1, 0, 2, 125};
	struct captured c;
	struct task t;

	(void)state;
	capture_start(&c);
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		task_start(&t, fail_with, (void *)&numbers[i], &c.diag);
		assert_int_equal(task_finish(&t), numbers[i] == 1);
		assert_int_equal(t.result, numbers[i]);
		task_show(&t, &c.diag, 0);
		task_run(&t, fail_with, (void *)&numbers[i], &c.diag);
		assert_int_equal(t.ok, numbers[i] == 1);
		assert_int_equal(t.result, numbers[i]);
	}
	capture_end(&c);
}

/* The child's messages go ahead of what the parent holds meanwhile, and the parent's held
 * messages do not reach the child's. */
static void child_messages_go_before_held_ones(void **state)
{
	struct captured c;
	struct task t;

	(void)state;
	capture_start(&c);
	task_start(&t, report, "checked", &c.diag);
	diag_hold(&c.diag);
	diag_report(&c.diag, NULL, D_INTERNAL, "rendered");
	task_finish(&t);
	task_show(&t, &c.diag, 1);
	diag_release(&c.diag, 1);
	assert_string_equal(captured_text(&c), "mixdown: error: internal error: checked\n"
	                                       "mixdown: error: internal error: rendered\n");
	assert_int_equal(c.diag.tally.count[SEV_ERROR], 2);
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(messages_come_back_when_shown),
		cmocka_unit_test(a_failed_child_fails_its_task),
		cmocka_unit_test(the_work_s_number_comes_back),
		cmocka_unit_test(child_messages_go_before_held_ones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
