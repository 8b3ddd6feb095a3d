import type { Migration } from '../../bot/storage/sqlite/migrate.js';

export const ticketingMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'tickets, timeline, SLA pauses and marks, notices outbox, assignments, surveys, complaints, analyst profiles',
    sql: `
      CREATE TABLE tickets (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        number TEXT NOT NULL UNIQUE,
        source_message_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        category TEXT NOT NULL,
        impact TEXT NOT NULL,
        urgency TEXT NOT NULL,
        priority INTEGER NOT NULL,
        status TEXT NOT NULL,
        handoff TEXT NOT NULL,
        queue_id TEXT NOT NULL,
        assignee_id TEXT,
        conversation_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        language TEXT NOT NULL,
        summary TEXT NOT NULL,
        context TEXT NOT NULL,
        resolution TEXT,
        close_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        first_response_at TEXT,
        resolved_at TEXT,
        closed_at TEXT
      );
      CREATE INDEX tickets_conversation ON tickets(conversation_id, handoff);
      CREATE INDEX tickets_user ON tickets(user_id, seq);
      CREATE INDEX tickets_queue ON tickets(queue_id, status);
      CREATE INDEX tickets_assignee ON tickets(assignee_id, status);
      CREATE INDEX tickets_status ON tickets(status, resolved_at);

      CREATE TABLE ticket_timeline (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_seq INTEGER NOT NULL REFERENCES tickets(seq),
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX ticket_timeline_ticket ON ticket_timeline(ticket_seq, id);

      CREATE TABLE ticket_pauses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_seq INTEGER NOT NULL REFERENCES tickets(seq),
        from_at TEXT NOT NULL,
        to_at TEXT
      );
      CREATE INDEX ticket_pauses_ticket ON ticket_pauses(ticket_seq);

      CREATE TABLE ticket_marks (
        ticket_seq INTEGER NOT NULL REFERENCES tickets(seq),
        mark TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (ticket_seq, mark)
      );

      CREATE TABLE ticket_notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_seq INTEGER NOT NULL REFERENCES tickets(seq),
        conversation_id TEXT NOT NULL,
        notice TEXT NOT NULL,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX ticket_notices_pending ON ticket_notices(id) WHERE delivered_at IS NULL;

      CREATE TABLE ticket_assignments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_seq INTEGER NOT NULL REFERENCES tickets(seq),
        queue_id TEXT NOT NULL,
        analyst_id TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        assigned_at TEXT NOT NULL
      );
      CREATE INDEX ticket_assignments_queue ON ticket_assignments(queue_id, assigned_at);
      CREATE INDEX ticket_assignments_analyst ON ticket_assignments(analyst_id, assigned_at);

      CREATE TABLE ticket_surveys (
        ticket_seq INTEGER PRIMARY KEY REFERENCES tickets(seq),
        conversation_id TEXT NOT NULL,
        queue_id TEXT NOT NULL,
        analyst_id TEXT,
        asked_at TEXT NOT NULL,
        score INTEGER,
        answered_at TEXT,
        comment TEXT,
        commented_at TEXT
      );
      CREATE INDEX ticket_surveys_conversation ON ticket_surveys(conversation_id, asked_at);

      CREATE TABLE ticket_complaints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_seq INTEGER NOT NULL UNIQUE REFERENCES tickets(seq),
        ticket_number TEXT NOT NULL,
        queue_id TEXT NOT NULL,
        analyst_id TEXT,
        score INTEGER,
        comment TEXT,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE analyst_profiles (
        analyst_id TEXT PRIMARY KEY,
        languages TEXT NOT NULL,
        categories TEXT NOT NULL,
        capacity INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    // Shaped so the KPI views read indexes rather than rows: "has this ticket an entry of this kind" is answered
    // from ticket_timeline_ticket_kind alone, and the tickets' indexes carry every column a view groups or
    // filters by, so a breakdown never fetches the ticket rows (their context JSON is most of their size).
    name: 'indexes for the KPI views: tickets by creation and first answer, timeline entries by kind and time and by ticket and kind, marks, surveys and complaints by time',
    sql: `
      CREATE INDEX tickets_created_closed ON tickets(created_at, closed_at, channel, language, queue_id, assignee_id, category);
      CREATE INDEX tickets_first_response ON tickets(first_response_at, created_at, channel, language, queue_id, assignee_id, category) WHERE first_response_at IS NOT NULL;
      CREATE INDEX tickets_kpi_columns ON tickets(seq, first_response_at, channel, language, queue_id, assignee_id, category);
      CREATE INDEX ticket_timeline_kind_at ON ticket_timeline(kind, at, ticket_seq);
      CREATE INDEX ticket_timeline_ticket_kind ON ticket_timeline(ticket_seq, kind);
      CREATE INDEX ticket_marks_mark_at ON ticket_marks(mark, at);
      CREATE INDEX ticket_surveys_answered ON ticket_surveys(answered_at) WHERE answered_at IS NOT NULL;
      CREATE INDEX ticket_complaints_created ON ticket_complaints(created_at);
    `,
  },
];
