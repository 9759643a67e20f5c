/* test_serve.c: the preview answers only to Host names that no web page can point at it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "serve.h"

static void loopback_names_with_the_port_are_ours(void **state)
{
	(void)state;
	assert_true(serve_host_is_ours("127.0.0.1:8000", "127.0.0.1", 8000));
	assert_true(serve_host_is_ours("localhost:8000", "127.0.0.1", 8000));
	assert_true(serve_host_is_ours("LocalHost:8000", "127.0.0.1", 8000));
	assert_true(serve_host_is_ours("[::1]:8000", "127.0.0.1", 8000));
	assert_true(serve_host_is_ours("127.0.0.2:8000", "127.0.0.1", 8000));
	assert_true(serve_host_is_ours("localhost", "127.0.0.1", 80));
}

static void other_names_ports_and_forms_are_not(void **state)
{
	(void)state;
	assert_false(serve_host_is_ours("attacker.example:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("localhost.attacker.example:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("127.0.0.1.nip.io:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("localhost:8001", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("localhost", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("localhost:", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours(":8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("[::1", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("[::1]:8000:1", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("::1:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("[127.0.0.1]:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("[localhost]:8000", "127.0.0.1", 8000));
	assert_false(serve_host_is_ours("192.168.1.5:8000", "127.0.0.1", 8000));
}

static void a_remote_bind_adds_only_its_own_address(void **state)
{
	(void)state;
	assert_true(serve_host_is_ours("192.168.1.5:8000", "192.168.1.5", 8000));
	assert_true(serve_host_is_ours("[fd00::5]:8000", "fd00::5", 8000));
	assert_true(serve_host_is_ours("[fd00:0::5]:8000", "fd00::5", 8000));
	assert_false(serve_host_is_ours("192.168.1.6:8000", "192.168.1.5", 8000));
	assert_false(serve_host_is_ours("mybox.example:8000", "192.168.1.5", 8000));
}

static void every_address_accepts_any_address_literal_only(void **state)
{
	(void)state;
	assert_true(serve_host_is_ours("192.168.1.5:8000", "0.0.0.0", 8000));
	assert_true(serve_host_is_ours("[fd00::5]:8000", "::", 8000));
	assert_false(serve_host_is_ours("mybox.example:8000", "0.0.0.0", 8000));
	assert_false(serve_host_is_ours("192.168.1.5:8001", "::", 8000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loopback_names_with_the_port_are_ours),
		cmocka_unit_test(other_names_ports_and_forms_are_not),
		cmocka_unit_test(a_remote_bind_adds_only_its_own_address),
		cmocka_unit_test(every_address_accepts_any_address_literal_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
