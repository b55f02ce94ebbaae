import * as migration_20261127_210922_initial from './20261127_210922_initial';
import * as migration_20261127_215941_review_workflow from './20261127_215941_review_workflow';
import * as migration_20261127_220826_scheduled_publishing from './20261127_220826_scheduled_publishing';
import * as migration_20261128_000732_member_state_picker_label from './20261128_000732_member_state_picker_label';
import * as migration_20261128_003558_webhook_deliveries from './20261128_003558_webhook_deliveries';
import * as migration_20261128_030253_perf_indexes from './20261128_030253_perf_indexes';
import * as migration_20261128_033441_api_keys from './20261128_033441_api_keys';
import * as migration_20261128_060557_project_read_model from './20261128_060557_project_read_model';
import * as migration_20261128_082803_card_facets_index from './20261128_082803_card_facets_index';
import * as migration_20261128_084045_stored_filter_panels from './20261128_084045_stored_filter_panels';
import * as migration_20261128_113000_title_search_index from './20261128_113000_title_search_index';
import * as migration_20261128_114000_locales_parent_indexes from './20261128_114000_locales_parent_indexes';
import * as migration_20261128_140351_outcome_project_published from './20261128_140351_outcome_project_published';
import * as migration_20261128_143700_first_published_at from './20261128_143700_first_published_at';
import * as migration_20261128_164400_generic_list_order from './20261128_164400_generic_list_order';
import * as migration_20261128_170720_generic_list_search from './20261128_170720_generic_list_search';
import * as migration_20261206_180000_search_indexes from './20261206_180000_search_indexes';

export const migrations = [
  {
    up: migration_20261127_210922_initial.up,
    down: migration_20261127_210922_initial.down,
    name: '20261127_210922_initial',
  },
  {
    up: migration_20261127_215941_review_workflow.up,
    down: migration_20261127_215941_review_workflow.down,
    name: '20261127_215941_review_workflow',
  },
  {
    up: migration_20261127_220826_scheduled_publishing.up,
    down: migration_20261127_220826_scheduled_publishing.down,
    name: '20261127_220826_scheduled_publishing',
  },
  {
    up: migration_20261128_000732_member_state_picker_label.up,
    down: migration_20261128_000732_member_state_picker_label.down,
    name: '20261128_000732_member_state_picker_label',
  },
  {
    up: migration_20261128_003558_webhook_deliveries.up,
    down: migration_20261128_003558_webhook_deliveries.down,
    name: '20261128_003558_webhook_deliveries',
  },
  {
    up: migration_20261128_030253_perf_indexes.up,
    down: migration_20261128_030253_perf_indexes.down,
    name: '20261128_030253_perf_indexes',
  },
  {
    up: migration_20261128_033441_api_keys.up,
    down: migration_20261128_033441_api_keys.down,
    name: '20261128_033441_api_keys',
  },
  {
    up: migration_20261128_060557_project_read_model.up,
    down: migration_20261128_060557_project_read_model.down,
    name: '20261128_060557_project_read_model',
  },
  {
    up: migration_20261128_082803_card_facets_index.up,
    down: migration_20261128_082803_card_facets_index.down,
    name: '20261128_082803_card_facets_index',
  },
  {
    up: migration_20261128_084045_stored_filter_panels.up,
    down: migration_20261128_084045_stored_filter_panels.down,
    name: '20261128_084045_stored_filter_panels',
  },
  {
    up: migration_20261128_113000_title_search_index.up,
    down: migration_20261128_113000_title_search_index.down,
    name: '20261128_113000_title_search_index',
  },
  {
    up: migration_20261128_114000_locales_parent_indexes.up,
    down: migration_20261128_114000_locales_parent_indexes.down,
    name: '20261128_114000_locales_parent_indexes',
  },
  {
    up: migration_20261128_140351_outcome_project_published.up,
    down: migration_20261128_140351_outcome_project_published.down,
    name: '20261128_140351_outcome_project_published',
  },
  {
    up: migration_20261128_143700_first_published_at.up,
    down: migration_20261128_143700_first_published_at.down,
    name: '20261128_143700_first_published_at',
  },
  {
    up: migration_20261128_164400_generic_list_order.up,
    down: migration_20261128_164400_generic_list_order.down,
    name: '20261128_164400_generic_list_order',
  },
  {
    up: migration_20261128_170720_generic_list_search.up,
    down: migration_20261128_170720_generic_list_search.down,
    name: '20261128_170720_generic_list_search'
  },
  {
    up: migration_20261206_180000_search_indexes.up,
    down: migration_20261206_180000_search_indexes.down,
    name: '20261206_180000_search_indexes',
  },
];
