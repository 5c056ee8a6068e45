// JDBC check of the BI views and of the extension's functions, through the
// PostgreSQL JDBC driver Metabase uses (PgJDBC; Debian's libpostgresql-jdbc-java),
// doing what Metabase's sync and questions do:
//
// 1. sync: DatabaseMetaData.getTables on the BI schema, getColumns on every
//    relation: a COMMENT on every relation and every column, and every column
//    of a chartable java.sql.Types (NUMERIC, DOUBLE, BIGINT, INTEGER, DATE,
//    TIMESTAMP[_WITH_TIMEZONE], VARCHAR, BIT / BOOLEAN);
// 2. read: SELECT * of every relation, getObject on every column: the Java class
//    of the column's type, ResultSetMetaData's types equal to getColumns', as many
//    rows as count(*);
// 3. parameters bound the way Metabase binds them (Text variables and string
//    filters through setString, which PgJDBC sends as varchar; Number variables
//    as numbers; Date variables as LocalDate), each against the same query with
//    literals through a plain Statement: the decision of docs/reference.md ("From
//    BI tools over JDBC"), both ways: a string into a date, a threshold, an
//    interval or a calendar fails with SQLSTATE 42883 under the default
//    connection, and stringtype=unspecified or CAST(? AS type) give the literal
//    query's rows exactly; each query executed 12 times on one PreparedStatement
//    (PgJDBC's named server statement from the 5th), and again with
//    prepareThreshold=-1 (server-prepared from the first execution, binary
//    transfer) under plan_cache_mode=force_generic_plan.
//
// Usage: java -cp DIR:postgresql.jar JdbcCheck DB SCHEMA strict|report [--skip-tables] [--only=REL,...] [--sync-only]
// In report mode the comment and type assertions of step 1 are printed, not
// counted (the views of public before the BI schema exists); --skip-tables reads
// only the views and materialized views of SCHEMA; --only=REL,... reads only those
// relations (the dashboard views of a schema that also holds plumbing views);
// --sync-only stops after steps 1 and 2 (step 3's cases query the demo's tables).  Connection: PGHOST, PGPORT,
// PGUSER, PGPASSWORD, sslmode PGSSLMODE (default disable); TCP when PGHOST is a
// host name (pg_virtualenv's localhost in `make test`: as Metabase connects), the
// unix socket when it is a directory or empty, as for libpq.  Prints one "ok" / "FAIL" line
// per assertion and, last, "jdbc: N passed, M failed"; exit status 1 on failure.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.net.SocketFactory;

import org.postgresql.util.PGInterval;

public final class JdbcCheck {
	private static int passed;
	private static int failed;
	private static int reported;
	private static boolean strict;

	/* java.sql.Types a BI tool charts, and the class getObject must return */
	private static final Map<Integer, Class<?>> CHARTABLE = new HashMap<>();
	static {
		CHARTABLE.put(Types.NUMERIC, BigDecimal.class);
		CHARTABLE.put(Types.DOUBLE, Double.class);
		CHARTABLE.put(Types.BIGINT, Long.class);
		CHARTABLE.put(Types.INTEGER, Integer.class);
		CHARTABLE.put(Types.DATE, java.sql.Date.class);
		CHARTABLE.put(Types.TIMESTAMP, java.sql.Timestamp.class);
		CHARTABLE.put(Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Timestamp.class);
		CHARTABLE.put(Types.VARCHAR, String.class);
		CHARTABLE.put(Types.BIT, Boolean.class);
		CHARTABLE.put(Types.BOOLEAN, Boolean.class);
	}

	private JdbcCheck() {
	}

	private static boolean check(boolean ok, String what, String detail) {
		if (ok)
			passed++;
		else
			failed++;
		System.out.println((ok ? "ok - " : "FAIL - ") + what + (ok || detail.isEmpty() ? "" : ": " + detail));
		return ok;
	}

	/* an assertion of the BI contract: counted in strict mode, printed in report mode */
	private static void contract(boolean ok, String what, String detail) {
		if (strict) {
			check(ok, what, detail);
			return;
		}
		reported++;
		System.out.println("report - " + what + (ok ? " (holds)" : ": " + detail));
	}

	/*
	 * PgJDBC speaks TCP.  A PGHOST that is a socket directory (libpq's default, and
	 * the private clusters of tools/lib.sh skpi_cluster_start, which listen on no TCP
	 * port) is reached through this socket factory over the JDK's unix-domain
	 * SocketChannel: the same protocol, another transport.  PgJDBC instantiates it by
	 * name with socketFactoryArg, the socket's path.  Only the socket options PgJDBC
	 * sets on every connection are overridden (as no-ops); read timeouts are not
	 * enforced (this program sets none).
	 */
	public static final class UnixSocketFactory extends SocketFactory {
		private final String path;

		public UnixSocketFactory(String path) {
			this.path = path;
		}

		@Override
		public Socket createSocket() {
			return new UnixSocket(path);
		}

		private Socket connected() throws IOException {
			Socket s = new UnixSocket(path);
			s.connect(null);
			return s;
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return connected();
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return connected();
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return connected();
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return connected();
		}
	}

	private static final class UnixSocket extends Socket {
		private final String path;
		private SocketChannel channel;
		private InputStream in;
		private OutputStream out;
		private int soTimeout;

		UnixSocket(String path) {
			this.path = path;
		}

		@Override
		public void connect(SocketAddress ignored) throws IOException {
			connect(ignored, 0);
		}

		@Override
		public void connect(SocketAddress ignored, int timeout) throws IOException {
			channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
			in = Channels.newInputStream(channel);
			out = Channels.newOutputStream(channel);
		}

		@Override
		public boolean isConnected() {
			return channel != null && channel.isConnected();
		}

		@Override
		public boolean isClosed() {
			return channel != null && !channel.isOpen();
		}

		@Override
		public InputStream getInputStream() {
			return in;
		}

		@Override
		public OutputStream getOutputStream() {
			return out;
		}

		@Override
		public void close() throws IOException {
			if (channel != null)
				channel.close();
		}

		@Override
		public void setTcpNoDelay(boolean on) {
		}

		@Override
		public void setKeepAlive(boolean on) {
		}

		@Override
		public void setSoTimeout(int timeout) {
			soTimeout = timeout;
		}

		@Override
		public int getSoTimeout() {
			return soTimeout;
		}

		@Override
		public int getSendBufferSize() {
			return 8192;
		}
	}

	private static String transport;

	private static Connection connect(String db, String... options) throws SQLException {
		String host = System.getenv().getOrDefault("PGHOST", "");
		String port = System.getenv().getOrDefault("PGPORT", "5432");
		Properties p = new Properties();
		if (host.isEmpty() || host.startsWith("/")) {
			String path = (host.isEmpty() ? "/var/run/postgresql" : host) + "/.s.PGSQL." + port;
			p.setProperty("socketFactory", UnixSocketFactory.class.getName());
			p.setProperty("socketFactoryArg", path);
			host = "localhost";
			transport = "unix socket " + path;
		} else {
			transport = "TCP " + host + ":" + port;
		}
		p.setProperty("user", System.getenv().getOrDefault("PGUSER", System.getProperty("user.name")));
		String password = System.getenv("PGPASSWORD");
		if (password != null)
			p.setProperty("password", password);
		p.setProperty("sslmode", System.getenv().getOrDefault("PGSSLMODE", "disable"));
		p.setProperty("ApplicationName", "support_kpi JdbcCheck");
		for (int i = 0; i + 1 < options.length; i += 2)
			p.setProperty(options[i], options[i + 1]);
		return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, p);
	}

	private static List<List<Object>> rows(ResultSet rs) throws SQLException {
		List<List<Object>> out = new ArrayList<>();
		int n = rs.getMetaData().getColumnCount();
		while (rs.next()) {
			List<Object> row = new ArrayList<>(n);
			for (int i = 1; i <= n; i++)
				row.add(rs.getObject(i));
			out.add(row);
		}
		return out;
	}

	private static String sqlState(SQLException e) {
		return e.getSQLState() == null ? "?" : e.getSQLState();
	}

	private static String firstLine(String s) {
		if (s == null)
			return "";
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

	// ---------------------------------------------------------------------
	// 1 and 2: sync and read
	// ---------------------------------------------------------------------

	private static final class Column {
		final String name;
		final int type;
		final String typeName;
		final String remarks;

		Column(String name, int type, String typeName, String remarks) {
			this.name = name;
			this.type = type;
			this.typeName = typeName;
			this.remarks = remarks;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.trim().isEmpty();
	}

	private static String quoteIdent(String s) {
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	/* returns the relations read, name -> columns (for step 3) */
	private static Map<String, List<Column>> syncAndRead(Connection conn, String schema, boolean skipTables,
			Set<String> only) throws SQLException {
		DatabaseMetaData md = conn.getMetaData();
		System.out.println("# " + md.getDriverName() + " " + md.getDriverVersion() + ", server "
				+ md.getDatabaseProductVersion() + " over " + transport + "; schema " + schema + (strict ? ", strict" : ", report mode"));
		Map<String, String> remarks = new TreeMap<>();
		Map<String, String> kinds = new TreeMap<>();
		try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"VIEW", "MATERIALIZED VIEW", "TABLE"})) {
			while (rs.next()) {
				kinds.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
				remarks.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
			}
		}
		Map<String, List<Column>> read = new TreeMap<>();
		for (Map.Entry<String, String> k : kinds.entrySet()) {
			if (skipTables && k.getValue().equals("TABLE")) {
				System.out.println("# " + k.getKey() + ": a table, not read (--skip-tables)");
				continue;
			}
			if (only != null && !only.contains(k.getKey())) {
				System.out.println("# " + k.getKey() + ": not a dashboard relation, not read (--only)");
				continue;
			}
			read.put(k.getKey(), new ArrayList<>());
		}
		check(!read.isEmpty(), "getTables: schema " + schema + " has " + read.size() + " relations to read "
				+ read.keySet(), "none");
		if (only != null) {
			Set<String> missing = new TreeSet<>(only);
			missing.removeAll(read.keySet());
			check(missing.isEmpty(), "--only: every relation named is in schema " + schema, "missing " + missing);
		}

		for (Map.Entry<String, List<Column>> e : read.entrySet()) {
			String rel = e.getKey();
			List<Column> cols = e.getValue();
			try (ResultSet rs = md.getColumns(null, schema, rel, "%")) {
				while (rs.next())
					cols.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
							rs.getString("TYPE_NAME"), rs.getString("REMARKS")));
			}
			String what = rel + " (" + kinds.get(rel).toLowerCase() + ", " + cols.size() + " columns)";
			contract(!blank(remarks.get(rel)), what + ": has a COMMENT", "no COMMENT");
			List<String> noComment = new ArrayList<>();
			List<String> badType = new ArrayList<>();
			for (Column c : cols) {
				if (blank(c.remarks))
					noComment.add(c.name);
				if (!CHARTABLE.containsKey(c.type))
					badType.add(c.name + " " + c.typeName + " (java.sql.Types " + c.type + ")");
			}
			contract(noComment.isEmpty(), what + ": every column has a COMMENT",
					noComment.size() + " without: " + noComment);
			contract(badType.isEmpty(), what + ": every column is of a chartable type",
					badType.size() + " not: " + badType);

			// read it all, the way a question without a filter does
			long count;
			try (Statement st = conn.createStatement();
					ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quoteIdent(schema) + "." + quoteIdent(rel))) {
				rs.next();
				count = rs.getLong(1);
			}
			long n = 0;
			List<String> mdDiff = new ArrayList<>();
			Map<String, TreeSet<String>> wrongClass = new TreeMap<>();
			try (Statement st = conn.createStatement()) {
				st.setFetchSize(0);
				try (ResultSet rs = st.executeQuery("SELECT * FROM " + quoteIdent(schema) + "." + quoteIdent(rel))) {
					ResultSetMetaData rmd = rs.getMetaData();
					if (rmd.getColumnCount() != cols.size())
						mdDiff.add("ResultSetMetaData has " + rmd.getColumnCount() + " columns, getColumns " + cols.size());
					for (int i = 1; i <= Math.min(rmd.getColumnCount(), cols.size()); i++) {
						Column c = cols.get(i - 1);
						if (!rmd.getColumnLabel(i).equals(c.name) || rmd.getColumnType(i) != c.type)
							mdDiff.add(rmd.getColumnLabel(i) + " " + rmd.getColumnType(i) + " vs " + c.name + " " + c.type);
					}
					while (rs.next()) {
						n++;
						for (int i = 1; i <= cols.size(); i++) {
							Object v = rs.getObject(i);
							Column c = cols.get(i - 1);
							Class<?> want = CHARTABLE.get(c.type);
							if (v != null && (want == null || !want.isInstance(v)))
								wrongClass.computeIfAbsent(c.name + " " + c.typeName, x -> new TreeSet<>())
										.add(v.getClass().getName());
						}
					}
				}
			}
			check(mdDiff.isEmpty(), rel + ": ResultSetMetaData's column names and types = getColumns'",
					String.join("; ", mdDiff));
			check(n == count && n > 0, rel + ": SELECT * read " + n + " rows, count(*) = " + count, "differ or empty");
			// a column whose type is not chartable already fails (or is reported) above: its
			// class is listed here in report mode only
			Map<String, TreeSet<String>> wrongChartable = new TreeMap<>();
			for (Column c : cols) {
				String key = c.name + " " + c.typeName;
				if (wrongClass.containsKey(key) && CHARTABLE.containsKey(c.type))
					wrongChartable.put(key, wrongClass.get(key));
			}
			check(wrongChartable.isEmpty(), rel + ": getObject returns the Java class of each chartable column's type",
					wrongChartable.toString());
			if (!strict && wrongClass.size() > wrongChartable.size()) {
				Map<String, TreeSet<String>> other = new TreeMap<>(wrongClass);
				other.keySet().removeAll(wrongChartable.keySet());
				contract(false, rel + ": classes of the columns of other types", other.toString());
			}
		}
		return read;
	}

	// ---------------------------------------------------------------------
	// 3: parameters
	// ---------------------------------------------------------------------

	@FunctionalInterface
	private interface Binder {
		void bind(PreparedStatement ps) throws SQLException;
	}

	private static final class Case {
		final String name;
		final String sql;
		final Binder binder;
		final String literalSql;
		final boolean unspecified;
		final String errorFragment;	/* null: must work; else the 42883 message names it */

		Case(String name, String sql, Binder binder, String literalSql, boolean unspecified, String errorFragment) {
			this.name = name;
			this.sql = sql;
			this.binder = binder;
			this.literalSql = literalSql;
			this.unspecified = unspecified;
			this.errorFragment = errorFragment;
		}
	}

	private static final Map<String, List<List<Object>>> LITERAL = new HashMap<>();

	private static List<List<Object>> literal(Connection plain, String sql) throws SQLException {
		List<List<Object>> r = LITERAL.get(sql);
		if (r == null) {
			try (Statement st = plain.createStatement(); ResultSet rs = st.executeQuery(sql)) {
				r = rows(rs);
			}
			LITERAL.put(sql, r);
		}
		return r;
	}

	private static boolean hasValue(List<List<Object>> rows) {
		for (List<Object> row : rows)
			for (Object v : row)
				if (v != null)
					return true;
		return false;
	}

	/* the statement PgJDBC prepares on the server: ? becomes $1, $2, ... */
	private static String nativeSql(String sql) {
		StringBuilder b = new StringBuilder();
		int n = 0;
		for (char ch : sql.toCharArray())
			if (ch == '?')
				b.append('$').append(++n);
			else
				b.append(ch);
		return b.toString();
	}

	private static void runCase(Connection conn, String variant, int executions, Connection plain, Case c) {
		String what = c.name + (c.unspecified ? " [stringtype=unspecified" : " [default") + ", " + variant + "]";
		if (c.errorFragment != null) {
			try (PreparedStatement ps = conn.prepareStatement(c.sql)) {
				c.binder.bind(ps);
				try (ResultSet rs = ps.executeQuery()) {
					rows(rs);
				}
				check(false, what + ": fails with 42883", "it worked");
			} catch (SQLException e) {
				String msg = firstLine(e.getMessage());
				check(sqlState(e).equals("42883") && msg.contains(c.errorFragment),
						what + ": fails with 42883 (" + msg + ")", "expected 42883 naming " + c.errorFragment
								+ ", got " + sqlState(e));
			}
			return;
		}
		try {
			List<List<Object>> want = literal(plain, c.literalSql);
			int same = 0;
			String diff = "";
			try (PreparedStatement ps = conn.prepareStatement(c.sql)) {
				for (int i = 1; i <= executions; i++) {
					c.binder.bind(ps);
					List<List<Object>> got;
					try (ResultSet rs = ps.executeQuery()) {
						got = rows(rs);
					}
					if (got.equals(want))
						same++;
					else if (diff.isEmpty())
						diff = "execution " + i + " gave " + abbreviate(got) + ", literal SQL " + abbreviate(want);
				}
			}
			// the named server statement PgJDBC switched to (the latest prepared with this
			// text: a cached statement is prepared again when the parameter types change),
			// the parameter types it was sent with, its plans
			String server = "not server-prepared";
			try (PreparedStatement ps = conn.prepareStatement(
					"SELECT parameter_types::text, generic_plans, custom_plans FROM pg_prepared_statements"
							+ " WHERE NOT from_sql AND statement = ? ORDER BY prepare_time DESC LIMIT 1")) {
				ps.setString(1, nativeSql(c.sql));
				try (ResultSet rs = ps.executeQuery()) {
					if (rs.next())
						server = "server-prepared " + rs.getString(1) + ", " + rs.getLong(2) + " generic + "
								+ rs.getLong(3) + " custom plans";
				}
			}
			check(same == executions && !want.isEmpty() && hasValue(want) && !server.startsWith("not"),
					what + ": " + same + "/" + executions + " executions = the literal SQL's " + want.size() + " rows ("
							+ server + ")",
					want.isEmpty() || !hasValue(want) ? "the literal SQL gives no value" : diff.isEmpty() ? server : diff);
		} catch (SQLException e) {
			check(false, what + ": works", sqlState(e) + " " + firstLine(e.getMessage()));
		}
	}

	private static String abbreviate(Object o) {
		String s = String.valueOf(o);
		return s.length() > 300 ? s.substring(0, 300) + "..." : s;
	}

	private static List<Case> cases(String monthView) {
		List<Case> cs = new ArrayList<>();
		final String month = "2026-12-01";
		final LocalDate monthDate = LocalDate.parse(month);
		// the demo's December, straight from the generator's table
		final String dec = " FROM demo_contacts WHERE arrived_at >= '2026-12-01 00:00+00'";
		final String day = " FROM demo_contacts WHERE arrived_at >= '2026-12-01 00:00+00' AND arrived_at < '2026-12-02 00:00+00'";

		// a Date variable / a date filter on a report view's month
		String mq = "SELECT * FROM " + monthView + " WHERE month = ";
		String ml = mq + "'" + month + "' ORDER BY 1";
		cs.add(new Case("month = ? setObject(LocalDate)", mq + "? ORDER BY 1", ps -> ps.setObject(1, monthDate), ml,
				false, null));
		cs.add(new Case("month = ? setDate(java.sql.Date)", mq + "? ORDER BY 1",
				ps -> ps.setDate(1, java.sql.Date.valueOf(monthDate)), ml, false, null));
		cs.add(new Case("month = ? setString", mq + "? ORDER BY 1", ps -> ps.setString(1, month), ml, false,
				"date = character varying"));
		cs.add(new Case("month = ? setString", mq + "? ORDER BY 1", ps -> ps.setString(1, month), ml, true, null));
		cs.add(new Case("month = CAST(? AS date) setString", mq + "CAST(? AS date) ORDER BY 1",
				ps -> ps.setString(1, month), ml, false, null));

		// a Number variable as a threshold in seconds
		String sq = "SELECT channel, sl_pct(wait_seconds::float8, answered, %s)" + dec + " GROUP BY channel ORDER BY channel";
		String sl = String.format(sq, "20");
		cs.add(new Case("sl_pct(float8, boolean, ?) setBigDecimal", String.format(sq, "?"),
				ps -> ps.setBigDecimal(1, new BigDecimal("20")), sl, false, null));
		cs.add(new Case("sl_pct(float8, boolean, ?) setInt", String.format(sq, "?"), ps -> ps.setInt(1, 20), sl, false,
				null));
		cs.add(new Case("sl_pct(float8, boolean, ?) setLong", String.format(sq, "?"), ps -> ps.setLong(1, 20L), sl,
				false, null));
		cs.add(new Case("sl_pct(float8, boolean, ?) setDouble", String.format(sq, "?"), ps -> ps.setDouble(1, 20.0), sl,
				false, null));
		cs.add(new Case("sl_pct(float8, boolean, ?) setString", String.format(sq, "?"), ps -> ps.setString(1, "20"), sl,
				false, "sl_pct(double precision, boolean, character varying)"));
		cs.add(new Case("sl_pct(float8, boolean, ?) setString", String.format(sq, "?"), ps -> ps.setString(1, "20"), sl,
				true, null));
		cs.add(new Case("sl_pct(float8, boolean, CAST(? AS double precision)) setString",
				String.format(sq, "CAST(? AS double precision)"), ps -> ps.setString(1, "20"), sl, false, null));

		// the threshold as an interval
		String iq = "SELECT channel, sl_pct(make_interval(secs => wait_seconds), answered, %s)" + dec
				+ " GROUP BY channel ORDER BY channel";
		String il = String.format(iq, "'20 seconds'");
		cs.add(new Case("sl_pct(interval, boolean, ?) setString", String.format(iq, "?"),
				ps -> ps.setString(1, "20 seconds"), il, false, "sl_pct(interval, boolean, character varying)"));
		cs.add(new Case("sl_pct(interval, boolean, ?) setString", String.format(iq, "?"),
				ps -> ps.setString(1, "20 seconds"), il, true, null));
		cs.add(new Case("sl_pct(interval, boolean, CAST(? AS interval)) setString", String.format(iq, "CAST(? AS interval)"),
				ps -> ps.setString(1, "20 seconds"), il, false, null));
		cs.add(new Case("sl_pct(interval, boolean, ?) setObject(PGInterval)", String.format(iq, "?"),
				ps -> ps.setObject(1, new PGInterval(0, 0, 0, 0, 0, 20)), il, false, null));

		// the policy: text, which a varchar reaches by an implicit cast
		String pq = "SELECT channel, sl_pct(wait_seconds::float8, answered, 20, 5, %s)" + dec
				+ " GROUP BY channel ORDER BY channel";
		String pl = String.format(pq, "'ignore_early'");
		cs.add(new Case("sl_pct(float8, boolean, 20, 5, ? policy) setString", String.format(pq, "?"),
				ps -> ps.setString(1, "ignore_early"), pl, false, null));
		cs.add(new Case("sl_pct(float8, boolean, 20, 5, ? policy) setString", String.format(pq, "?"),
				ps -> ps.setString(1, "ignore_early"), pl, true, null));

		// a calendar
		final String cal = "UTC; Mon-Fri 09:00-18:00";
		String bq = "SELECT contact_id, business_seconds(%s, arrived_at, resolved_at)" + day + " ORDER BY contact_id";
		String bl = String.format(bq, "'" + cal + "'");
		cs.add(new Case("business_seconds(?, timestamptz, timestamptz) setString", String.format(bq, "?"),
				ps -> ps.setString(1, cal), bl, false,
				"business_seconds(character varying, timestamp with time zone, timestamp with time zone)"));
		cs.add(new Case("business_seconds(?, timestamptz, timestamptz) setString", String.format(bq, "?"),
				ps -> ps.setString(1, cal), bl, true, null));
		cs.add(new Case("business_seconds(CAST(? AS business_calendar), ...) setString",
				String.format(bq, "CAST(? AS business_calendar)"), ps -> ps.setString(1, cal), bl, false, null));

		// the repeat window as an interval
		String rq = "SELECT contact_id, repeat_contact(arrived_at, %s) OVER (PARTITION BY customer_id ORDER BY arrived_at)"
				+ day + " ORDER BY contact_id";
		String rl = String.format(rq, "'7 days'");
		cs.add(new Case("repeat_contact(timestamptz, ?) OVER (...) setString", String.format(rq, "?"),
				ps -> ps.setString(1, "7 days"), rl, false, "repeat_contact(timestamp with time zone, character varying)"));
		cs.add(new Case("repeat_contact(timestamptz, ?) OVER (...) setString", String.format(rq, "?"),
				ps -> ps.setString(1, "7 days"), rl, true, null));
		cs.add(new Case("repeat_contact(timestamptz, CAST(? AS interval)) OVER (...) setString",
				String.format(rq, "CAST(? AS interval)"), ps -> ps.setString(1, "7 days"), rl, false, null));
		cs.add(new Case("repeat_contact(timestamptz, ?) OVER (...) setObject(PGInterval)", String.format(rq, "?"),
				ps -> ps.setObject(1, new PGInterval("7 days")), rl, false, null));

		// a string filter on text columns (team and channel), beside a Date variable
		String tq = "SELECT operator_id, count(*), sl_pct(wait_seconds::float8, answered, 20)"
				+ " FROM demo_contacts WHERE queue = %s AND channel = %s AND arrived_at >= %s"
				+ " GROUP BY operator_id ORDER BY operator_id";
		String tl = String.format(tq, "'partners'", "'call'", "'2026-12-01'");
		Binder team = ps -> {
			ps.setString(1, "partners");
			ps.setString(2, "call");
			ps.setObject(3, monthDate);
		};
		for (boolean unspecified : new boolean[] {false, true})
			cs.add(new Case("queue = ? AND channel = ? setString, arrived_at >= ? setObject(LocalDate)",
					String.format(tq, "?", "?", "?"), team, tl, unspecified, null));
		return cs;
	}

	/* the relation whose month filter step 3 binds: kpi_monthly, else the first with a date column month */
	private static String monthView(String schema, Map<String, List<Column>> read) {
		String found = null;
		for (Map.Entry<String, List<Column>> e : read.entrySet())
			for (Column c : e.getValue())
				if (c.name.equals("month") && c.type == Types.DATE
						&& (found == null || e.getKey().equals("kpi_monthly")))
					found = e.getKey();
		return found == null ? null : quoteIdent(schema) + "." + quoteIdent(found);
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3 || !(args[2].equals("strict") || args[2].equals("report"))) {
			System.err.println("usage: JdbcCheck DB SCHEMA strict|report [--skip-tables] [--only=REL,REL...] [--sync-only]");
			System.exit(2);
		}
		String db = args[0];
		String schema = args[1];
		strict = args[2].equals("strict");
		boolean skipTables = false;
		boolean syncOnly = false;
		Set<String> only = null;
		for (int i = 3; i < args.length; i++) {
			if (args[i].equals("--skip-tables"))
				skipTables = true;
			else if (args[i].equals("--sync-only"))
				syncOnly = true;
			else if (args[i].startsWith("--only=")) {
				only = new TreeSet<>(Arrays.asList(args[i].substring("--only=".length()).split(",")));
				check(!only.isEmpty(), "--only names relations", "none");
			} else {
				System.err.println("unknown option " + args[i]);
				System.exit(2);
			}
		}

		try (Connection plain = connect(db)) {
			Map<String, List<Column>> read = syncAndRead(plain, schema, skipTables, only);
			if (syncOnly) {
				System.out.println("jdbc: " + passed + " passed, " + failed + " failed");
				System.exit(failed == 0 ? 0 : 1);
			}

			String mv = monthView(schema, read);
			check(mv != null, "schema " + schema + " has a relation with a date column month to filter: " + mv, "none");
			List<Case> cases = cases(mv == null ? "kpi_monthly" : mv);
			// as Metabase connects (prepareThreshold 5: a named server statement from the 5th execution)
			try (Connection def = connect(db); Connection uns = connect(db, "stringtype", "unspecified")) {
				for (Case c : cases)
					runCase(c.unspecified ? uns : def, "prepareThreshold=5", 12, plain, c);
			}
			// server-prepared from the first execution, binary transfer, generic plans only
			String generic = "-c plan_cache_mode=force_generic_plan";
			try (Connection def = connect(db, "prepareThreshold", "-1", "options", generic);
					Connection uns = connect(db, "prepareThreshold", "-1", "options", generic, "stringtype", "unspecified")) {
				for (Case c : cases)
					runCase(c.unspecified ? uns : def, "prepareThreshold=-1, generic plans", 6, plain, c);
			}
		}
		if (reported > 0)
			System.out.println("# " + reported + " assertions of the BI contract reported, not counted (report mode)");
		System.out.println("jdbc: " + passed + " passed, " + failed + " failed");
		System.exit(failed == 0 ? 0 : 1);
	}
}
