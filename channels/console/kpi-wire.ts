/**
 * The KPI API's JSON (GET /api/console/kpis, /kpis/tickets), shared by the server's routes and the console UI:
 * types only, so the browser build can read it; the routes check what they send against it.
 */
export interface RatioJson {
  count: number;
  of: number;
  rate: number | null;
}

export interface KpiFiguresJson {
  ticketsOpened: number;
  ticketsResolved: number;
  firstContactResolution: RatioJson;
  resolvedWithoutEscalation: RatioJson;
  selfServiceContainment: RatioJson;
  solvedWithArticle: number;
  csat: { average: number | null; answered: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  abandonment: RatioJson;
  responseSla: RatioJson;
  resolutionSla: RatioJson;
  responseBreaches: number;
  resolutionBreaches: number;
  averageWaitMinutes: number | null;
  averageHandleMinutes: number | null;
  reopenRate: RatioJson;
  complaints: number;
  backlog: { open: number; underADay: number; oneToThreeDays: number; threeToSevenDays: number; overAWeek: number };
}

export interface KpiAnswerJson {
  totals: KpiFiguresJson;
  by?: string;
  rows?: Array<{ key: string | null; figures: KpiFiguresJson }>;
}

export interface KpiTicketJson {
  number: string;
  status: string;
  queueId: string;
  channel: string;
  language: string;
  category: string;
  createdAt: string;
}
