export const housingFigureRoutes = [] as import('../http/route').RouteSpec[];
