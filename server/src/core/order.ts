import { registerEnumType } from 'type-graphql';

export const OrderDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = (typeof OrderDirection)[keyof typeof OrderDirection];

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: A→Z, small→large.' },
    DESC: { description: 'Descending: Z→A, large→small.' },
  },
});
